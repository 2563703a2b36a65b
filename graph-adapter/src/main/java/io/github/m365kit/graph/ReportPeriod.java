package io.github.m365kit.graph;

import java.util.Locale;
import java.util.Objects;

/** The periods the Graph usage reports accept (api-facts §1.1): the last 7, 30, 90 or 180 days. */
public enum ReportPeriod {
  /** The last 7 days. */
  D7,
  /** The last 30 days. */
  D30,
  /** The last 90 days. */
  D90,
  /** The last 180 days. */
  D180;

  /**
   * @param text e.g. {@code "D30"} (case ignored)
   * @return the period
   * @throws IllegalArgumentException when it is not D7, D30, D90 or D180
   */
  public static ReportPeriod of(String text) {
    Objects.requireNonNull(text, "text == null");
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("period must be D7, D30, D90 or D180: " + text, e);
    }
  }
}
