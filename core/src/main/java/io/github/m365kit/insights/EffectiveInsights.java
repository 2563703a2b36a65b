package io.github.m365kit.insights;

import io.github.m365kit.model.Upn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user's effective MyAnalytics / Viva Insights settings: the tenant defaults with the user's own settings applied
 * on top, plus the separate Graph item-insights switch. Immutable and thread-safe.
 *
 * @param user the user
 * @param licensed whether the user holds an Exchange Online license (m365kit's proxy for "has a mailbox where
 *     MyAnalytics keeps its data"; the MyAnalytics service plan itself is not read)
 * @param privacyMode opted in or out, and from where
 * @param features the add-in, dashboard and digest-email switches ({@link UserFeature#ALL} never appears)
 * @param weeklyInsightsEmail the tenant's "Weekly insights email" checkbox (tenant only)
 * @param welcomeEmail whether the user would get the Welcome email now, under the UNCONFIRMED rule described in
 *     {@link InsightsSettings}
 * @param itemInsights Graph item insights for the user: a different control from MyAnalytics
 */
public record EffectiveInsights(Upn user, boolean licensed, Setting<PrivacyMode> privacyMode, Map<UserFeature, Setting<Boolean>> features,
    boolean weeklyInsightsEmail, boolean welcomeEmail, boolean itemInsights) {

  /** Validates and copies. */
  public EffectiveInsights {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(privacyMode, "privacyMode == null");
    features = Map.copyOf(features);
  }

  /**
   * @param feature a feature other than {@link UserFeature#ALL}
   * @return its effective switch
   */
  public Setting<Boolean> feature(UserFeature feature) {
    Setting<Boolean> s = features.get(feature);
    if (s == null) {
      throw new IllegalArgumentException("no single switch for " + feature);
    }
    return s;
  }

  /** @return true when the user is opted in */
  public boolean optedIn() {
    return privacyMode.value() == PrivacyMode.OPT_IN;
  }

  /** @return the settings as lines of text for an admin */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    out.add(user + (licensed ? " (has an Exchange Online license)" : " (no Exchange Online license)"));
    out.add("  privacy mode: " + privacyMode.value().cmdletValue() + sourceText(privacyMode.source()));
    for (UserFeature f : List.of(UserFeature.DASHBOARD, UserFeature.ADD_IN, UserFeature.DIGEST_EMAIL)) {
      Setting<Boolean> s = feature(f);
      out.add("  " + f.cmdletValue() + ": " + (s.value() ? "on" : "off") + sourceText(s.source()));
    }
    out.add("  weekly insights email (tenant): " + (weeklyInsightsEmail ? "on" : "off"));
    out.add("  Welcome email now: " + (welcomeEmail ? "would be sent" : "would not be sent") + " -- " + InsightsSettings.WELCOME_RULE_CAVEAT);
    out.add("  Graph item insights (Delve/profile card, not MyAnalytics): " + (itemInsights ? "on" : "off"));
    return List.copyOf(out);
  }

  private static String sourceText(Setting.Source s) {
    return s == Setting.Source.USER ? " (set for the user)" : " (tenant default)";
  }
}
