package io.github.m365kit.group;

/** The value type of a rule property, which decides the operators and values it accepts. */
public enum PropertyType {
    /** {@code true}/{@code false}, compared with {@code -eq}/{@code -ne}. */
    BOOLEAN,
    /** A single string; all string operators apply, case-insensitively. */
    STRING,
    /** A multi-valued string property such as {@code proxyAddresses}; use {@code -any}/{@code -all} with {@code _}. */
    STRING_COLLECTION,
    /** A date and time (preview), compared with {@code -le}/{@code -ge} against a date or {@code system.now}. */
    DATE_TIME,
    /** {@code assignedPlans}: a collection of objects queried with {@code -any}/{@code -all} and
     * {@code assignedPlan.*}. */
    PLAN_COLLECTION,
    /** {@code memberOf} (preview): a collection of group ids queried with {@code -any} and {@code group.objectId}. */
    GROUP_COLLECTION
}
