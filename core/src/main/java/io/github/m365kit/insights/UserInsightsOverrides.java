package io.github.m365kit.insights;

import io.github.m365kit.model.Upn;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is set for one user with {@code Set-MyAnalyticsFeatureConfig}: the privacy mode and the per-feature switches,
 * each empty when the user follows the tenant default. Immutable and thread-safe.
 *
 * <p>{@link UserFeature#ALL} is not kept as a switch of its own: setting it sets every other feature, as the
 * in-memory store emulates. A backend that reads {@code Get-MyAnalyticsFeatureConfig} cannot tell an override from
 * a default and reports every value as set; the effective settings come out the same.
 *
 * @param user the user
 * @param privacyMode the user's own privacy mode, or empty to follow the tenant default
 * @param features the user's own switches, by feature ({@link UserFeature#ALL} never appears)
 */
public record UserInsightsOverrides(Upn user, Optional<PrivacyMode> privacyMode, Map<UserFeature, Boolean> features) {
  /** Validates and copies. */
  public UserInsightsOverrides {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(privacyMode, "privacyMode == null");
    if (features.containsKey(UserFeature.ALL)) {
      throw new IllegalArgumentException("ALL is not a switch of its own; set every feature instead");
    }
    features = Map.copyOf(features);
  }

  /**
   * @param user the user
   * @return no overrides: the user follows every tenant default
   */
  public static UserInsightsOverrides none(Upn user) {
    return new UserInsightsOverrides(user, Optional.empty(), Map.of());
  }

  /**
   * @param feature a feature other than {@link UserFeature#ALL}
   * @return the user's own switch, or empty
   */
  public Optional<Boolean> feature(UserFeature feature) {
    return Optional.ofNullable(features.get(feature));
  }

  /**
   * @param mode the new privacy mode
   * @return a copy with that mode
   */
  public UserInsightsOverrides withPrivacyMode(PrivacyMode mode) {
    return new UserInsightsOverrides(user, Optional.of(mode), features);
  }

  /**
   * Sets a switch; {@link UserFeature#ALL} sets every feature.
   *
   * @param feature the feature
   * @param enabled the value
   * @return a copy with the switch set
   */
  public UserInsightsOverrides withFeature(UserFeature feature, boolean enabled) {
    EnumMap<UserFeature, Boolean> copy = new EnumMap<>(UserFeature.class);
    copy.putAll(features);
    if (feature == UserFeature.ALL) {
      for (UserFeature f : UserFeature.values()) {
        if (f != UserFeature.ALL) {
          copy.put(f, enabled);
        }
      }
    } else {
      copy.put(feature, enabled);
    }
    return new UserInsightsOverrides(user, privacyMode, copy);
  }
}
