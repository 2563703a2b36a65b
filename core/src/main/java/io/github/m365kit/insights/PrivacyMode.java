package io.github.m365kit.insights;

import io.github.m365kit.InvalidInputException;
import java.util.Locale;

/**
 * A user's MyAnalytics / Viva Insights privacy mode, as {@code Set-MyAnalyticsFeatureConfig -PrivacyMode} takes it.
 *
 * <p>Only {@code opt-in} and {@code opt-out} exist on the current cmdlet. The legacy {@code Excluded} mode belonged to
 * the retired {@code Set-UserAnalyticsConfig} and is deliberately not modelled.
 */
public enum PrivacyMode {
  /** The user gets personal insights (the documented default for every user, licensed or not). */
  OPT_IN("opt-in"),
  /** The user gets no personal insights. */
  OPT_OUT("opt-out");

  private final String cmdletValue;

  PrivacyMode(String cmdletValue) {
    this.cmdletValue = cmdletValue;
  }

  /** @return the value the cmdlet takes, {@code opt-in} or {@code opt-out} */
  public String cmdletValue() {
    return cmdletValue;
  }

  /**
   * Parses a cmdlet value, ignoring case; {@code OPT_IN} style names are accepted too.
   *
   * @param value {@code opt-in} or {@code opt-out}
   * @return the mode
   * @throws InvalidInputException for any other value, including the retired {@code excluded}
   */
  public static PrivacyMode parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (PrivacyMode m : values()) {
      if (m.cmdletValue.equals(v)) {
        return m;
      }
    }
    throw new InvalidInputException("privacy mode", value, "use opt-in or opt-out (Excluded was only on the retired Set-UserAnalyticsConfig)");
  }
}
