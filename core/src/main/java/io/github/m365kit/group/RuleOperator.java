package io.github.m365kit.group;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The comparison operators of the dynamic-membership rule language.
 *
 * <p>Each operator has one canonical spelling ({@link #token()}), for example {@code -startsWith}. The parser also
 * accepts the spelling without the leading hyphen and any letter case.
 */
public enum RuleOperator {
    /** Equal ({@code -eq}). */
    EQ("-eq"),
    /** Not equal ({@code -ne}). */
    NE("-ne"),
    /** Starts with ({@code -startsWith}). */
    STARTS_WITH("-startsWith"),
    /** Does not start with ({@code -notStartsWith}). */
    NOT_STARTS_WITH("-notStartsWith"),
    /** Ends with ({@code -endsWith}). */
    ENDS_WITH("-endsWith"),
    /** Does not end with ({@code -notEndsWith}). */
    NOT_ENDS_WITH("-notEndsWith"),
    /** Contains as a substring ({@code -contains}); a partial string match, not collection membership. */
    CONTAINS("-contains"),
    /** Does not contain as a substring ({@code -notContains}). */
    NOT_CONTAINS("-notContains"),
    /** Matches a regular expression ({@code -match}). */
    MATCH("-match"),
    /** Does not match a regular expression ({@code -notMatch}). */
    NOT_MATCH("-notMatch"),
    /** Is one of a list ({@code -in}). */
    IN("-in"),
    /** Is none of a list ({@code -notIn}). */
    NOT_IN("-notIn"),
    /** Less than or equal ({@code -le}); documented for dateTime properties. */
    LE("-le"),
    /** Greater than or equal ({@code -ge}); documented for dateTime properties. */
    GE("-ge");

    private static final Map<String, RuleOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.token.substring(1).toLowerCase(Locale.ROOT),
                    Function.identity()));

    private final String token;

    RuleOperator(String token) {
        this.token = token;
    }

    /**
     * Returns the canonical spelling, with the leading hyphen.
     *
     * @return for example {@code -notStartsWith}
     */
    public String token() {
        return token;
    }

    /**
     * Looks an operator up by name, case-insensitively, without its leading hyphen.
     *
     * @param name for example {@code "startswith"}
     * @return the operator, or empty if the name is not a comparison operator
     */
    public static Optional<RuleOperator> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Tells whether this operator is the negation of another operator.
     *
     * @return true for {@code -ne}, {@code -notStartsWith}, {@code -notEndsWith}, {@code -notContains},
     *     {@code -notMatch} and {@code -notIn}
     */
    public boolean isNegated() {
        return this == NE || this == NOT_STARTS_WITH || this == NOT_ENDS_WITH || this == NOT_CONTAINS
                || this == NOT_MATCH || this == NOT_IN;
    }

    /**
     * Returns the positive operator that this one negates, or this operator itself if it is not negated.
     *
     * @return for example {@link #STARTS_WITH} for {@link #NOT_STARTS_WITH}
     */
    public RuleOperator positive() {
        switch (this) {
            case NE: return EQ;
            case NOT_STARTS_WITH: return STARTS_WITH;
            case NOT_ENDS_WITH: return ENDS_WITH;
            case NOT_CONTAINS: return CONTAINS;
            case NOT_MATCH: return MATCH;
            case NOT_IN: return IN;
            default: return this;
        }
    }
}
