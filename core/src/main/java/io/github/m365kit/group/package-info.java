/**
 * Entra ID dynamic-membership rules: parse, validate, print, simplify, build and evaluate them offline, and choose
 * between a distribution list, a Microsoft 365 group and a shared mailbox.
 *
 * <p>The rule language is the one documented for Entra ID dynamic groups: {@code user.*} and {@code device.*}
 * properties, comparison operators (with or without the leading hyphen), {@code -in}/{@code -notIn} lists,
 * {@code -not}/{@code -and}/{@code -or} (in that order of precedence), {@code -any}/{@code -all} over
 * {@code assignedPlans} and multi-valued strings, {@code system.now}, {@code Direct Reports for "<id>"} and the
 * preview {@code memberOf}. Rules are at most 3,072 characters.
 *
 * <pre>{@code
 * GroupMembershipRule rule = GroupMembershipRuleBuilder
 *     .anyOf(UserProperty.DEPARTMENT.eq("Finance"),
 *            UserProperty.MAIL.in("user1@contoso.com", "user2@contoso.com"))
 *     .build();                                        // validated
 * String text = rule.toRuleText();                     // canonical text for Graph's membershipRule
 * List<RuleFinding> advice = rule.validate();          // e.g. USER_INFLUENCEABLE_ATTRIBUTE for department
 * CompiledRule compiled = rule.compile();
 * List<String> upns = MembershipPreview.matchingUserPrincipalNames(Path.of("users.json"), compiled);
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.m365kit.group.GroupMembershipRule} - a parsed or built rule; the entry point.</li>
 *   <li>{@link io.github.m365kit.group.RuleExpression} - the syntax tree (records with value equality).</li>
 *   <li>{@link io.github.m365kit.group.RuleValidator}, {@link io.github.m365kit.group.RuleFinding} - typed findings.</li>
 *   <li>{@link io.github.m365kit.group.RulePrinter} - canonical text.</li>
 *   <li>{@link io.github.m365kit.group.RuleSimplifier} - {@code -eq} chains to {@code -in} lists.</li>
 *   <li>{@link io.github.m365kit.group.CompiledRule}, {@link io.github.m365kit.group.RuleSubject},
 *       {@link io.github.m365kit.group.MembershipPreview} - offline evaluation and streaming preview.</li>
 *   <li>{@link io.github.m365kit.group.GroupMembershipRuleBuilder} with {@link io.github.m365kit.group.UserProperty}
 *       and {@link io.github.m365kit.group.DeviceProperty} - typed, escaped rule building.</li>
 *   <li>{@link io.github.m365kit.group.GroupTypeAdvisor} - distribution list vs Microsoft 365 group vs shared
 *       mailbox.</li>
 * </ul>
 *
 * <p>Nothing in this package talks to a tenant. Parameters and return values are non-null unless documented
 * otherwise. Facts the library could not confirm against a Microsoft source are marked UNCONFIRMED.
 */
package io.github.m365kit.group;
