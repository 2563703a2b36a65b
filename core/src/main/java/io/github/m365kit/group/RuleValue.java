package io.github.m365kit.group;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The right-hand side of a comparison: a string, a boolean, {@code null}, a list of strings or {@code system.now}.
 *
 * <p>All implementations are immutable records with value equality.
 */
public sealed interface RuleValue permits RuleValue.Text, RuleValue.Bool, RuleValue.Null, RuleValue.TextList,
        RuleValue.Now {

    /**
     * A string value, written in double quotes. Unquoted words other than {@code true}, {@code false},
     * {@code null} and {@code system.now} (for example a bare date) are also read as text.
     *
     * @param value the unescaped text
     */
    record Text(String value) implements RuleValue {
        /**
         * Creates a text value.
         *
         * @param value the unescaped text; not null
         */
        public Text {
            Objects.requireNonNull(value, "value == null");
        }
    }

    /**
     * An unquoted {@code true} or {@code false}.
     *
     * @param value the boolean
     */
    record Bool(boolean value) implements RuleValue {
    }

    /** The unquoted keyword {@code null}; the quoted {@code "null"} is {@link Text}. */
    record Null() implements RuleValue {
    }

    /**
     * A bracketed list such as {@code ["a","b"]}, used with {@code -in} and {@code -notIn}.
     *
     * @param values the unescaped items, in order
     */
    record TextList(List<String> values) implements RuleValue {
        /**
         * Creates a list value.
         *
         * @param values the items; copied, not null, no null items
         */
        public TextList {
            values = List.copyOf(values);
        }
    }

    /**
     * The keyword {@code system.now}, optionally shifted with {@code -plus} or {@code -minus} and an ISO-8601
     * duration (days, hours, minutes, seconds).
     *
     * @param offset the shift; zero for plain {@code system.now}, negative for {@code -minus}
     */
    record Now(Duration offset) implements RuleValue {
        /**
         * Creates a {@code system.now} value.
         *
         * @param offset the shift; not null
         */
        public Now {
            Objects.requireNonNull(offset, "offset == null");
        }
    }
}
