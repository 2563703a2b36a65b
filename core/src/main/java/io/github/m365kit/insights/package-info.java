/**
 * MyAnalytics / Viva Insights settings: tenant defaults, per-user privacy mode and features, effective settings
 * ({@link io.github.m365kit.insights.InsightsSettings}), the "before the Welcome emails go out" check, and plans for
 * opt-in/opt-out in bulk. Graph item insights ({@link io.github.m365kit.insights.ItemInsightsOrgSettings}) are read
 * alongside but are a different control.
 *
 * <p>What is UNCONFIRMED by Microsoft documentation is said so in the Javadoc and in the text m365kit shows: the rule
 * that turning off the Weekly insights email also stops the Welcome email, the Weekly insights email and inline
 * suggestions as tenant toggles, and a cmdlet for the default privacy mode.
 *
 * <p>Quick start:
 * <pre>{@code
 * var tenant = InMemoryTenant.demo();
 * var insights = InsightsSettings.using(new InMemoryInsightsStore(tenant.faults()), tenant);
 * System.out.print(insights.welcomeCheck().render());
 * System.out.print(PlanRenderer.render(insights.privacyModePlan(List.of(DemoCast.JANE), PrivacyMode.OPT_OUT),
 *     PlanRenderer.Format.POWERSHELL));
 * }</pre>
 * Nothing accepts or returns null.
 */
package io.github.m365kit.insights;
