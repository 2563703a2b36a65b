package io.github.m365kit.group;

import java.util.List;

/**
 * Thrown when a rule is syntactically valid but the validator reported errors, for example when a built rule mixes
 * user and device properties.
 */
public final class RuleValidationException extends RuleException {

    private final transient List<RuleFinding> errors;

    /**
     * Creates the exception from the error findings.
     *
     * @param errors the findings of severity {@link RuleFinding.Severity#ERROR}; not empty
     */
    public RuleValidationException(List<RuleFinding> errors) {
        super("invalid membership rule: " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    /**
     * Returns the error findings.
     *
     * @return an immutable, non-empty list
     */
    public List<RuleFinding> errors() {
        return errors;
    }
}
