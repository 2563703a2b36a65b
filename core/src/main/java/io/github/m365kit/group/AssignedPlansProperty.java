package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.Quantified;
import io.github.m365kit.group.RuleExpression.Quantifier;
import java.util.List;
import java.util.Objects;

/**
 * {@code user.assignedPlans}, queried with {@code -any}/{@code -all} over {@code assignedPlan.servicePlanId},
 * {@code assignedPlan.capabilityStatus} and {@code assignedPlan.service}.
 *
 * <p>Immutable and thread-safe. Use {@link UserProperty#ASSIGNED_PLANS}.
 */
public final class AssignedPlansProperty {

    private static final PropertyRef REF = PropertyRef.user("assignedPlans");

    AssignedPlansProperty() {
    }

    private static Comparison field(String name, String value) {
        return new Comparison(new PropertyRef(PropertyRef.Scope.ASSIGNED_PLAN, name), RuleOperator.EQ,
                new RuleValue.Text(Objects.requireNonNull(value, "value == null")));
    }

    /**
     * Builds {@code user.assignedPlans -any (assignedPlan.servicePlanId -eq "<id>" -and
     * assignedPlan.capabilityStatus -eq "Enabled")}: users with the service plan enabled.
     *
     * @param servicePlanId the service plan GUID
     * @return the collection expression
     */
    public RuleExpression anyEnabled(String servicePlanId) {
        return new Quantified(REF, Quantifier.ANY, new And(List.of(field("servicePlanId", servicePlanId),
                field("capabilityStatus", "Enabled"))));
    }

    /**
     * Builds {@code user.assignedPlans -any (assignedPlan.service -eq "<service>" -and
     * assignedPlan.capabilityStatus -eq "Enabled")}: users with any enabled plan of a service such as
     * {@code SCO} or {@code exchange}.
     *
     * @param service the service name
     * @return the collection expression
     */
    public RuleExpression anyEnabledForService(String service) {
        return new Quantified(REF, Quantifier.ANY, new And(List.of(field("service", service),
                field("capabilityStatus", "Enabled"))));
    }

    /**
     * Builds {@code user.assignedPlans -all (assignedPlan.servicePlanId -eq null)}: users with no plan.
     *
     * @return the collection expression
     */
    public RuleExpression none() {
        return new Quantified(REF, Quantifier.ALL, new Comparison(
                new PropertyRef(PropertyRef.Scope.ASSIGNED_PLAN, "servicePlanId"), RuleOperator.EQ,
                new RuleValue.Null()));
    }

    /**
     * Returns the rule text of the property.
     *
     * @return {@code user.assignedPlans}
     */
    @Override
    public String toString() {
        return REF.toString();
    }
}
