package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.Comparison;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A single-valued string property, for building comparisons with values that are escaped for you.
 *
 * <p>Immutable and thread-safe. Obtain instances from {@link UserProperty} and {@link DeviceProperty}.
 */
public final class StringProperty {

    private final PropertyRef ref;

    StringProperty(PropertyRef ref) {
        this.ref = ref;
    }

    /**
     * Returns the property reference.
     *
     * @return for example {@code user.department}
     */
    public PropertyRef ref() {
        return ref;
    }

    private Comparison cmp(RuleOperator op, String value) {
        return new Comparison(ref, op, new RuleValue.Text(Objects.requireNonNull(value, "value == null")));
    }

    /**
     * Builds {@code property -eq "value"} (case-insensitive in the service).
     *
     * @param value the raw value; quotes and backticks are escaped when printed
     * @return the comparison
     */
    public RuleExpression eq(String value) {
        return cmp(RuleOperator.EQ, value);
    }

    /**
     * Builds {@code property -ne "value"}.
     *
     * @param value the raw value
     * @return the comparison
     */
    public RuleExpression ne(String value) {
        return cmp(RuleOperator.NE, value);
    }

    /**
     * Builds {@code property -startsWith "value"}.
     *
     * @param value the raw prefix
     * @return the comparison
     */
    public RuleExpression startsWith(String value) {
        return cmp(RuleOperator.STARTS_WITH, value);
    }

    /**
     * Builds {@code property -notStartsWith "value"}.
     *
     * @param value the raw prefix
     * @return the comparison
     */
    public RuleExpression notStartsWith(String value) {
        return cmp(RuleOperator.NOT_STARTS_WITH, value);
    }

    /**
     * Builds {@code property -endsWith "value"}.
     *
     * @param value the raw suffix
     * @return the comparison
     */
    public RuleExpression endsWith(String value) {
        return cmp(RuleOperator.ENDS_WITH, value);
    }

    /**
     * Builds {@code property -notEndsWith "value"}.
     *
     * @param value the raw suffix
     * @return the comparison
     */
    public RuleExpression notEndsWith(String value) {
        return cmp(RuleOperator.NOT_ENDS_WITH, value);
    }

    /**
     * Builds {@code property -contains "value"}, a substring test; Microsoft advises using it sparingly.
     *
     * @param value the raw substring
     * @return the comparison
     */
    public RuleExpression contains(String value) {
        return cmp(RuleOperator.CONTAINS, value);
    }

    /**
     * Builds {@code property -notContains "value"}.
     *
     * @param value the raw substring
     * @return the comparison
     */
    public RuleExpression notContains(String value) {
        return cmp(RuleOperator.NOT_CONTAINS, value);
    }

    /**
     * Builds {@code property -match "regex"}; Microsoft advises using it sparingly.
     *
     * @param regex a regular expression
     * @return the comparison
     * @throws java.util.regex.PatternSyntaxException if the pattern is invalid
     */
    public RuleExpression match(String regex) {
        Pattern.compile(Objects.requireNonNull(regex, "regex == null"));
        return cmp(RuleOperator.MATCH, regex);
    }

    /**
     * Builds {@code property -notMatch "regex"}.
     *
     * @param regex a regular expression
     * @return the comparison
     * @throws java.util.regex.PatternSyntaxException if the pattern is invalid
     */
    public RuleExpression notMatch(String regex) {
        Pattern.compile(Objects.requireNonNull(regex, "regex == null"));
        return cmp(RuleOperator.NOT_MATCH, regex);
    }

    /**
     * Builds {@code property -in ["a","b",…]}.
     *
     * @param values one or more raw values
     * @return the comparison
     */
    public RuleExpression in(String... values) {
        return in(List.of(values));
    }

    /**
     * Builds {@code property -in [...]} from a collection.
     *
     * @param values one or more raw values, in order
     * @return the comparison
     */
    public RuleExpression in(Collection<String> values) {
        return list(RuleOperator.IN, values);
    }

    /**
     * Builds {@code property -notIn ["a","b",…]}.
     *
     * @param values one or more raw values
     * @return the comparison
     */
    public RuleExpression notIn(String... values) {
        return notIn(List.of(values));
    }

    /**
     * Builds {@code property -notIn [...]} from a collection.
     *
     * @param values one or more raw values, in order
     * @return the comparison
     */
    public RuleExpression notIn(Collection<String> values) {
        return list(RuleOperator.NOT_IN, values);
    }

    private RuleExpression list(RuleOperator op, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values is empty");
        }
        return new Comparison(ref, op, new RuleValue.TextList(List.copyOf(values)));
    }

    /**
     * Builds {@code property -eq null}.
     *
     * @return the comparison
     */
    public RuleExpression isNull() {
        return new Comparison(ref, RuleOperator.EQ, new RuleValue.Null());
    }

    /**
     * Builds {@code property -ne null}.
     *
     * @return the comparison
     */
    public RuleExpression isNotNull() {
        return new Comparison(ref, RuleOperator.NE, new RuleValue.Null());
    }

    /**
     * Returns the rule text of the property.
     *
     * @return for example {@code user.department}
     */
    @Override
    public String toString() {
        return ref.toString();
    }
}
