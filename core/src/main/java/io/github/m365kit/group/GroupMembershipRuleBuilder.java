package io.github.m365kit.group;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Builds membership rules from typed properties, escaping values for you, and validates the result.
 *
 * <p>"Everyone in Finance plus these four people" is one call:
 * <pre>{@code
 * GroupMembershipRule rule = GroupMembershipRuleBuilder
 *     .where(UserProperty.DEPARTMENT.eq("Finance"))
 *     .orAnyOf(UserProperty.MAIL, "user1@contoso.com", "user2@contoso.com", "user3@contoso.com", "user4@contoso.com")
 *     .build();
 * // user.department -eq "Finance" -or user.mail -in ["user1@contoso.com",…]
 * }</pre>
 *
 * <p>Each {@link #and}/{@link #or} wraps everything built so far, so {@code where(a).or(b).and(c)} means
 * {@code (a -or b) -and c}. Use {@link RuleExpression#anyOf}, {@link RuleExpression#allOf} and
 * {@link RuleExpression#not} for other groupings. Not thread-safe; build on one thread.
 */
public final class GroupMembershipRuleBuilder {

    private RuleExpression current;

    private GroupMembershipRuleBuilder(RuleExpression start) {
        this.current = Objects.requireNonNull(start, "condition == null");
    }

    /**
     * Starts a rule with one condition.
     *
     * @param condition the first condition
     * @return a new builder
     */
    public static GroupMembershipRuleBuilder where(RuleExpression condition) {
        return new GroupMembershipRuleBuilder(condition);
    }

    /**
     * Starts a rule that matches when any of the conditions holds ({@code -or}).
     *
     * @param conditions one or more conditions
     * @return a new builder
     */
    public static GroupMembershipRuleBuilder anyOf(RuleExpression... conditions) {
        return new GroupMembershipRuleBuilder(RuleExpression.anyOf(conditions));
    }

    /**
     * Starts a rule that matches when all of the conditions hold ({@code -and}).
     *
     * @param conditions one or more conditions
     * @return a new builder
     */
    public static GroupMembershipRuleBuilder allOf(RuleExpression... conditions) {
        return new GroupMembershipRuleBuilder(RuleExpression.allOf(conditions));
    }

    /**
     * Starts the special rule {@code Direct Reports for "<managerId>"}, which cannot be combined with anything.
     *
     * @param managerObjectId the manager's object id
     * @return a new builder
     */
    public static GroupMembershipRuleBuilder directReportsOf(String managerObjectId) {
        return new GroupMembershipRuleBuilder(new RuleExpression.DirectReports(managerObjectId));
    }

    /**
     * Adds a condition with {@code -or}.
     *
     * @param condition the condition
     * @return this builder
     */
    public GroupMembershipRuleBuilder or(RuleExpression condition) {
        current = join(current, Objects.requireNonNull(condition, "condition == null"), true);
        return this;
    }

    /**
     * Adds a condition with {@code -and}.
     *
     * @param condition the condition
     * @return this builder
     */
    public GroupMembershipRuleBuilder and(RuleExpression condition) {
        current = join(current, Objects.requireNonNull(condition, "condition == null"), false);
        return this;
    }

    /**
     * Adds {@code -and -not condition}.
     *
     * @param condition the condition to exclude
     * @return this builder
     */
    public GroupMembershipRuleBuilder andNot(RuleExpression condition) {
        return and(RuleExpression.not(condition));
    }

    /**
     * Adds {@code -or property -in [values]}: "plus these people" or "plus these departments".
     *
     * @param property the property to list values for, for example {@link UserProperty#MAIL}
     * @param values one or more raw values
     * @return this builder
     */
    public GroupMembershipRuleBuilder orAnyOf(StringProperty property, String... values) {
        return or(property.in(values));
    }

    /**
     * Adds {@code -or property -in [values]} from a collection.
     *
     * @param property the property
     * @param values one or more raw values, in order
     * @return this builder
     */
    public GroupMembershipRuleBuilder orAnyOf(StringProperty property, Collection<String> values) {
        return or(property.in(values));
    }

    /**
     * Adds {@code -and property -notIn [values]}: "except these people".
     *
     * @param property the property
     * @param values one or more raw values
     * @return this builder
     */
    public GroupMembershipRuleBuilder exceptAnyOf(StringProperty property, String... values) {
        return and(property.notIn(values));
    }

    private static RuleExpression join(RuleExpression left, RuleExpression right, boolean or) {
        if (or && left instanceof RuleExpression.Or) {
            return new RuleExpression.Or(concat(((RuleExpression.Or) left).operands(), right));
        }
        if (!or && left instanceof RuleExpression.And) {
            return new RuleExpression.And(concat(((RuleExpression.And) left).operands(), right));
        }
        return or ? new RuleExpression.Or(List.of(left, right)) : new RuleExpression.And(List.of(left, right));
    }

    private static List<RuleExpression> concat(List<RuleExpression> list, RuleExpression e) {
        RuleExpression[] all = list.toArray(new RuleExpression[list.size() + 1]);
        all[list.size()] = e;
        return List.of(all);
    }

    /**
     * Returns the tree built so far, without validating it.
     *
     * @return the expression
     */
    public RuleExpression expression() {
        return current;
    }

    /**
     * Builds and validates the rule.
     *
     * @return the rule
     * @throws RuleValidationException if the rule has errors, for example user and device properties mixed,
     *     Direct Reports combined, or more than 3,072 characters
     */
    public GroupMembershipRule build() {
        return GroupMembershipRule.of(current).requireValid();
    }

    /**
     * Builds, validates and prints the rule in canonical form.
     *
     * @return the rule text
     * @throws RuleValidationException if the rule has errors
     */
    public String toRuleText() {
        return build().toRuleText();
    }
}
