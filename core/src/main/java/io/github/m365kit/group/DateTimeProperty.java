package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.Comparison;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A dateTime property (preview) such as {@code user.employeeHireDate}, compared with {@code -le}/{@code -ge}.
 *
 * <p>Immutable and thread-safe. Obtain instances from {@link UserProperty}.
 */
public final class DateTimeProperty {

    private final PropertyRef ref;

    DateTimeProperty(PropertyRef ref) {
        this.ref = ref;
    }

    /**
     * Returns the property reference.
     *
     * @return for example {@code user.employeeHireDate}
     */
    public PropertyRef ref() {
        return ref;
    }

    private RuleExpression at(RuleOperator op, OffsetDateTime when) {
        return new Comparison(ref, op, new RuleValue.Text(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(when)));
    }

    /**
     * Builds {@code property -le "<when>"}.
     *
     * @param when the instant, written in ISO-8601 with its offset
     * @return the comparison
     */
    public RuleExpression onOrBefore(OffsetDateTime when) {
        return at(RuleOperator.LE, when);
    }

    /**
     * Builds {@code property -ge "<when>"}.
     *
     * @param when the instant, written in ISO-8601 with its offset
     * @return the comparison
     */
    public RuleExpression onOrAfter(OffsetDateTime when) {
        return at(RuleOperator.GE, when);
    }

    /**
     * Builds {@code property -le system.now -plus/-minus <offset>}.
     *
     * @param offset added to the service's current time; negative for the past
     * @return the comparison
     */
    public RuleExpression onOrBeforeNowPlus(Duration offset) {
        return new Comparison(ref, RuleOperator.LE, new RuleValue.Now(offset));
    }

    /**
     * Builds {@code property -ge system.now -plus/-minus <offset>}.
     *
     * @param offset added to the service's current time; negative for the past
     * @return the comparison
     */
    public RuleExpression onOrAfterNowPlus(Duration offset) {
        return new Comparison(ref, RuleOperator.GE, new RuleValue.Now(offset));
    }

    /**
     * Returns the rule text of the property.
     *
     * @return for example {@code user.employeeHireDate}
     */
    @Override
    public String toString() {
        return ref.toString();
    }
}
