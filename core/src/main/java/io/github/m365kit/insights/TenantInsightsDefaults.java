package io.github.m365kit.insights;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant defaults of MyAnalytics / Viva Insights ({@code Get-DefaultTenantMyAnalyticsFeatureConfig} plus the
 * admin-center checkboxes): whether each {@link TenantFeature} is on by default, and whether users are opted in or
 * out by default. Users can override every default. Immutable and thread-safe.
 *
 * <p>The documented default privacy mode is opt-in for every user, licensed or not. The current tenant cmdlet has no
 * documented parameter for the default privacy mode; m365kit keeps it here because the admin center offers the
 * choice.
 *
 * @param features every tenant feature with its default state
 * @param defaultPrivacyMode whether users are opted in or out unless they override it
 */
public record TenantInsightsDefaults(Map<TenantFeature, Boolean> features, PrivacyMode defaultPrivacyMode) {
  /** Validates: every {@link TenantFeature} must have a value. */
  public TenantInsightsDefaults {
    Objects.requireNonNull(defaultPrivacyMode, "defaultPrivacyMode == null");
    EnumMap<TenantFeature, Boolean> copy = new EnumMap<>(TenantFeature.class);
    copy.putAll(features);
    for (TenantFeature f : TenantFeature.values()) {
      if (!copy.containsKey(f)) {
        throw new IllegalArgumentException("features has no value for " + f);
      }
    }
    features = Map.copyOf(copy);
  }

  /** @return every feature on and users opted in: the documented out-of-the-box state */
  public static TenantInsightsDefaults microsoftDefaults() {
    EnumMap<TenantFeature, Boolean> all = new EnumMap<>(TenantFeature.class);
    for (TenantFeature f : TenantFeature.values()) {
      all.put(f, true);
    }
    return new TenantInsightsDefaults(all, PrivacyMode.OPT_IN);
  }

  /**
   * @param feature a feature
   * @return whether it is on by default
   */
  public boolean isEnabled(TenantFeature feature) {
    return features.get(feature);
  }

  /**
   * @param feature a feature
   * @param enabled its new default
   * @return a copy with that default
   */
  public TenantInsightsDefaults with(TenantFeature feature, boolean enabled) {
    EnumMap<TenantFeature, Boolean> copy = new EnumMap<>(features);
    copy.put(feature, enabled);
    return new TenantInsightsDefaults(copy, defaultPrivacyMode);
  }

  /**
   * @param mode the new default privacy mode
   * @return a copy with that mode
   */
  public TenantInsightsDefaults with(PrivacyMode mode) {
    return new TenantInsightsDefaults(features, mode);
  }

  /**
   * For an admin: the default privacy mode, then each feature in declaration order with its label and, where one is
   * documented, the {@code -Feature} value to change it with.
   *
   * @return one line per setting
   */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    out.add("Tenant defaults (users can override each)");
    out.add("  privacy mode: " + defaultPrivacyMode.cmdletValue());
    for (TenantFeature f : TenantFeature.values()) {
      out.add("  " + f.label() + ": " + (isEnabled(f) ? "on" : "off") + f.cmdletValue().map(v -> " (-Feature " + v + ")").orElse(""));
    }
    return List.copyOf(out);
  }
}
