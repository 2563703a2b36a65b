package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.Quantified;
import io.github.m365kit.group.RuleExpression.Quantifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A multi-valued string property such as {@code user.proxyAddresses}, queried with {@code -any}/{@code -all} over
 * the item {@code _}.
 *
 * <p>Immutable and thread-safe. Obtain instances from {@link UserProperty} and {@link DeviceProperty}.
 */
public final class StringCollectionProperty {

    private static final Set<RuleOperator> SINGLE = EnumSet.of(RuleOperator.EQ, RuleOperator.NE,
            RuleOperator.STARTS_WITH, RuleOperator.NOT_STARTS_WITH, RuleOperator.ENDS_WITH,
            RuleOperator.NOT_ENDS_WITH, RuleOperator.CONTAINS, RuleOperator.NOT_CONTAINS, RuleOperator.MATCH,
            RuleOperator.NOT_MATCH);

    private final PropertyRef ref;

    StringCollectionProperty(PropertyRef ref) {
        this.ref = ref;
    }

    /**
     * Returns the property reference.
     *
     * @return for example {@code user.proxyAddresses}
     */
    public PropertyRef ref() {
        return ref;
    }

    /**
     * Builds {@code property -any (_ <operator> "value")}.
     *
     * @param operator a single-value string operator (not {@code -in}, {@code -le}, {@code -ge})
     * @param value the raw value
     * @return the collection expression
     */
    public RuleExpression any(RuleOperator operator, String value) {
        return quantified(Quantifier.ANY, operator, value);
    }

    /**
     * Builds {@code property -all (_ <operator> "value")}.
     *
     * @param operator a single-value string operator (not {@code -in}, {@code -le}, {@code -ge})
     * @param value the raw value
     * @return the collection expression
     */
    public RuleExpression all(RuleOperator operator, String value) {
        return quantified(Quantifier.ALL, operator, value);
    }

    /**
     * Builds {@code property -any (_ -eq "value")}: the collection holds the value (case-insensitively).
     *
     * @param value the raw value
     * @return the collection expression
     */
    public RuleExpression has(String value) {
        return any(RuleOperator.EQ, value);
    }

    /**
     * Builds {@code property -any (_ -startsWith "prefix")}.
     *
     * @param prefix the raw prefix
     * @return the collection expression
     */
    public RuleExpression anyStartsWith(String prefix) {
        return any(RuleOperator.STARTS_WITH, prefix);
    }

    /**
     * Builds {@code property -any (_ -in [...])}: the collection holds one of the values.
     *
     * @param values one or more raw values
     * @return the collection expression
     */
    public RuleExpression hasAnyOf(String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values is empty");
        }
        return new Quantified(ref, Quantifier.ANY, new Comparison(PropertyRef.item(), RuleOperator.IN,
                new RuleValue.TextList(List.of(values))));
    }

    private RuleExpression quantified(Quantifier q, RuleOperator op, String value) {
        if (!SINGLE.contains(op)) {
            throw new IllegalArgumentException("operator must compare single strings: " + op.token());
        }
        return new Quantified(ref, q, new Comparison(PropertyRef.item(), op,
                new RuleValue.Text(Objects.requireNonNull(value, "value == null"))));
    }

    /**
     * Returns the rule text of the property.
     *
     * @return for example {@code user.proxyAddresses}
     */
    @Override
    public String toString() {
        return ref.toString();
    }
}
