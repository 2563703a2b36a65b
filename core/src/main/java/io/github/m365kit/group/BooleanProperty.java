package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.Comparison;

/**
 * A bool property such as {@code user.accountEnabled}.
 *
 * <p>Immutable and thread-safe. Obtain instances from {@link UserProperty} and {@link DeviceProperty}.
 */
public final class BooleanProperty {

    private final PropertyRef ref;

    BooleanProperty(PropertyRef ref) {
        this.ref = ref;
    }

    /**
     * Returns the property reference.
     *
     * @return for example {@code user.accountEnabled}
     */
    public PropertyRef ref() {
        return ref;
    }

    /**
     * Builds {@code property -eq true} or {@code -eq false}.
     *
     * @param value the value
     * @return the comparison
     */
    public RuleExpression eq(boolean value) {
        return new Comparison(ref, RuleOperator.EQ, new RuleValue.Bool(value));
    }

    /**
     * Builds {@code property -eq true}.
     *
     * @return the comparison
     */
    public RuleExpression isTrue() {
        return eq(true);
    }

    /**
     * Builds {@code property -eq false}.
     *
     * @return the comparison
     */
    public RuleExpression isFalse() {
        return eq(false);
    }

    /**
     * Returns the rule text of the property.
     *
     * @return for example {@code user.accountEnabled}
     */
    @Override
    public String toString() {
        return ref.toString();
    }
}
