package io.github.m365kit.group;

import java.util.Objects;

/**
 * One problem or piece of advice about a rule, reported by the parser or by {@link RuleValidator}.
 *
 * @param kind what was found
 * @param severity how serious it is; usually {@code kind.defaultSeverity()}
 * @param message a human-readable explanation naming the property or operator involved
 * @param column the 1-based column in the rule text, or 0 when the rule was not parsed from text
 */
public record RuleFinding(Kind kind, Severity severity, String message, int column) {

    /** How serious a finding is. */
    public enum Severity {
        /** The service would reject the rule, or the rule cannot mean what it says. */
        ERROR,
        /** The rule works but is risky, slow or uses a preview feature. */
        WARNING
    }

    /** The kinds of finding. */
    public enum Kind {
        /** The rule text is longer than the service's 3,072-character limit. */
        TOO_LONG(Severity.ERROR),
        /** The property is not in the documented list (names are case-sensitive). */
        UNKNOWN_PROPERTY(Severity.ERROR),
        /** The operator cannot be used with the property's type. */
        OPERATOR_NOT_ALLOWED(Severity.ERROR),
        /** The value does not fit the property's type (for example a string for a bool property). */
        VALUE_TYPE_MISMATCH(Severity.ERROR),
        /** {@code -contains} used on a multi-valued property; it is a substring test, use {@code -any}. */
        CONTAINS_ON_COLLECTION(Severity.ERROR),
        /** {@code -eq} or {@code -ne} given a list; use {@code -in} or {@code -notIn}. */
        EQ_WITH_LIST(Severity.ERROR),
        /** {@code -in} or {@code -notIn} given a single value instead of a list. */
        LIST_REQUIRED(Severity.ERROR),
        /** {@code null} used with an operator other than {@code -eq}/{@code -ne}. */
        NULL_OPERATOR(Severity.ERROR),
        /** {@code -not} applied to a comparison with {@code null}. */
        NOT_WITH_NULL(Severity.ERROR),
        /** {@code Direct Reports for} combined with another expression. */
        DIRECT_REPORTS_COMBINED(Severity.ERROR),
        /** User and device properties in one rule. */
        MIXED_USER_AND_DEVICE(Severity.ERROR),
        /** {@code -any}/{@code -all} on a single-valued property, or an item reference outside its collection. */
        COLLECTION_SCOPE(Severity.ERROR),
        /** The {@code -match} pattern is not a valid regular expression. */
        INVALID_REGEX(Severity.ERROR),
        /** {@code memberOf} combined with other expressions or nested. */
        MEMBER_OF_COMBINED(Severity.ERROR),
        /** More than 50 groups in one {@code memberOf} rule. */
        MEMBER_OF_TOO_MANY_GROUPS(Severity.ERROR),
        /** {@code memberOf} is a preview feature, not for production. */
        MEMBER_OF_PREVIEW(Severity.WARNING),
        /** The property's value can be influenced by the user (Maester MT.1196 "risky" list). */
        USER_INFLUENCEABLE_ATTRIBUTE(Severity.WARNING),
        /** {@code -match} or {@code -contains} (or their negations); Microsoft advises keeping them to a minimum. */
        SLOW_OPERATOR(Severity.WARNING),
        /** A chain of {@code -eq}/{@code -ne} comparisons that {@link RuleSimplifier} can turn into a list. */
        USE_IN_LIST(Severity.WARNING),
        /** A typographic dash was read as an ASCII hyphen; whether the service accepts it is unconfirmed. */
        TYPOGRAPHIC_DASH(Severity.WARNING),
        /** A typographic double quote was read as an ASCII quote. */
        TYPOGRAPHIC_QUOTE(Severity.WARNING),
        /** A dateTime property is a preview feature. */
        DATE_TIME_PREVIEW(Severity.WARNING);

        private final Severity defaultSeverity;

        Kind(Severity defaultSeverity) {
            this.defaultSeverity = defaultSeverity;
        }

        /**
         * Returns the severity findings of this kind normally have.
         *
         * @return the severity
         */
        public Severity defaultSeverity() {
            return defaultSeverity;
        }
    }

    /**
     * Creates a finding.
     *
     * @param kind not null
     * @param severity not null
     * @param message not null
     * @param column 1-based, or 0 if unknown
     */
    public RuleFinding {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(message, "message == null");
        if (column < 0) {
            throw new IllegalArgumentException("column < 0: " + column);
        }
    }

    /**
     * Creates a finding with the kind's default severity.
     *
     * @param kind what was found
     * @param message the explanation
     * @param column the 1-based column, or 0
     * @return the finding
     */
    public static RuleFinding of(Kind kind, String message, int column) {
        return new RuleFinding(kind, kind.defaultSeverity(), message, column);
    }

    /**
     * Tells whether this finding is an error.
     *
     * @return true for {@link Severity#ERROR}
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
