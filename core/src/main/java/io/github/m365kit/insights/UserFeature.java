package io.github.m365kit.insights;

import io.github.m365kit.InvalidInputException;
import java.util.Locale;

/**
 * A per-user feature of {@code Set-MyAnalyticsFeatureConfig -Feature}. {@link #ALL} ("All of Viva Insights") can be
 * set per user only; there is no tenant default for it.
 */
public enum UserFeature {
  /** Every feature at once. */
  ALL("all"),
  /** The Outlook add-in. */
  ADD_IN("add-in"),
  /** The web experience (dashboard). */
  DASHBOARD("dashboard"),
  /** The digest email (paused by Microsoft since the end of March 2024). */
  DIGEST_EMAIL("digest-email");

  private final String cmdletValue;

  UserFeature(String cmdletValue) {
    this.cmdletValue = cmdletValue;
  }

  /** @return the value the cmdlet takes, e.g. {@code digest-email} */
  public String cmdletValue() {
    return cmdletValue;
  }

  /**
   * Parses a cmdlet value, ignoring case.
   *
   * @param value e.g. {@code dashboard}
   * @return the feature
   * @throws InvalidInputException for an unknown value
   */
  public static UserFeature parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (UserFeature f : values()) {
      if (f.cmdletValue.equals(v)) {
        return f;
      }
    }
    throw new InvalidInputException("MyAnalytics feature", value, "use all, add-in, dashboard or digest-email");
  }
}
