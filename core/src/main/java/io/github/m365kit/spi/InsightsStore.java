package io.github.m365kit.spi;

import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.model.Upn;

/**
 * The port to MyAnalytics / Viva Insights settings, and, as a separate and differently named control, to Microsoft
 * Graph item insights.
 *
 * <ul>
 *   <li>Tenant defaults: {@code Get-/Set-DefaultTenantMyAnalyticsFeatureConfig} and the admin-center checkboxes.</li>
 *   <li>Per user: {@code Get-/Set-MyAnalyticsFeatureConfig -Identity … -PrivacyMode … | -Feature … -IsEnabled …}.</li>
 *   <li>Graph item insights ({@code /admin/people/itemInsights}, {@code /users/{id}/settings/itemInsights}): item
 *       and meeting-hours insights in Delve and the profile card, <em>not</em> MyAnalytics. Turning them off does not
 *       opt anyone out of MyAnalytics, and the reverse.</li>
 * </ul>
 * Implemented by {@code InMemoryInsightsStore} (core). No Graph endpoint is known for the MyAnalytics cmdlets.
 */
public interface InsightsStore {

  /** @return the tenant defaults */
  TenantInsightsDefaults tenantDefaults();

  /**
   * {@code Set-DefaultTenantMyAnalyticsFeatureConfig -Feature … -IsEnabled …} (or the admin-center checkbox for
   * features without a cmdlet value).
   *
   * @param feature the feature
   * @param enabled its new default
   */
  void setTenantDefault(TenantFeature feature, boolean enabled);

  /**
   * Sets whether users are opted in or out unless they override it (admin center; no documented cmdlet parameter).
   *
   * @param mode the new default
   */
  void setTenantDefaultPrivacyMode(PrivacyMode mode);

  /**
   * {@code Get-MyAnalyticsFeatureConfig -Identity …}. Never pass a missing identity to the real cmdlet: a
   * {@code $null} Identity returns every user.
   *
   * @param user the user
   * @return what is set for the user; {@link UserInsightsOverrides#none(Upn)} when nothing is
   */
  UserInsightsOverrides userConfig(Upn user);

  /**
   * {@code Set-MyAnalyticsFeatureConfig -Identity … -PrivacyMode …}.
   *
   * @param user the user
   * @param mode the mode
   */
  void setUserPrivacyMode(Upn user, PrivacyMode mode);

  /**
   * {@code Set-MyAnalyticsFeatureConfig -Identity … -Feature … -IsEnabled …}; {@link UserFeature#ALL} sets every
   * feature.
   *
   * @param user the user
   * @param feature the feature
   * @param enabled the value
   */
  void setUserFeature(Upn user, UserFeature feature, boolean enabled);

  /** @return Graph {@code GET /admin/people/itemInsights} (not MyAnalytics) */
  ItemInsightsOrgSettings itemInsightsOrg();

  /**
   * Graph {@code PATCH /admin/people/itemInsights} (not MyAnalytics).
   *
   * @param settings the new settings
   */
  void setItemInsightsOrg(ItemInsightsOrgSettings settings);

  /**
   * Graph {@code GET /users/{id}/settings/itemInsights} {@code isEnabled} (not MyAnalytics).
   *
   * @param user the user
   * @return whether the user's item insights are on (default true)
   */
  boolean itemInsightsEnabled(Upn user);

  /**
   * Graph {@code PATCH /users/{id}/settings/itemInsights {"isEnabled": …}} (not MyAnalytics).
   *
   * @param user the user
   * @param enabled the new value
   */
  void setItemInsightsEnabled(Upn user, boolean enabled);
}
