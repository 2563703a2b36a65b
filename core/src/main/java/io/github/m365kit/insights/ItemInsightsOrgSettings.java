package io.github.m365kit.insights;

import java.util.Objects;
import java.util.Optional;

/**
 * The organisation's Microsoft Graph item-insights setting ({@code GET/PATCH /admin/people/itemInsights}). This is a
 * different control from MyAnalytics / Viva Insights: it governs item insights and meeting-hours insights (Delve,
 * the profile card), not personal productivity insights. Immutable and thread-safe.
 *
 * @param isEnabledInOrganization whether item insights are on for the organisation (default true)
 * @param disabledForGroup the Entra group whose members have item insights off, if any (default none)
 */
public record ItemInsightsOrgSettings(boolean isEnabledInOrganization, Optional<String> disabledForGroup) {
  /** Validates. */
  public ItemInsightsOrgSettings {
    Objects.requireNonNull(disabledForGroup, "disabledForGroup == null");
  }

  /** @return the documented default: enabled, no group excluded */
  public static ItemInsightsOrgSettings defaults() {
    return new ItemInsightsOrgSettings(true, Optional.empty());
  }
}
