package io.github.m365kit.insights;

import io.github.m365kit.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant-level MyAnalytics / Viva Insights default (Microsoft 365 admin center &gt; Settings &gt; Org settings, and
 * {@code Set-DefaultTenantMyAnalyticsFeatureConfig -Feature}).
 *
 * <p>Two items have no documented {@code -Feature} value and are marked {@link #confirmed() unconfirmed}:
 * {@link #WEEKLY_INSIGHTS_EMAIL} is the admin-center checkbox described by third-party sources in 2019, and
 * {@link #INLINE_SUGGESTIONS} is UNCONFIRMED as a toggle separate from the Outlook add-in.
 */
public enum TenantFeature {
  /** The web experience (dashboard). */
  DASHBOARD(Optional.of("Dashboard"), true, "Viva Insights web experience"),
  /** The digest email (paused by Microsoft since the end of March 2024). */
  DIGEST_EMAIL(Optional.of("Digest-email"), true, "Viva digest emails"),
  /** The admin-center "Weekly insights email" checkbox; no documented cmdlet value (third-party source). */
  WEEKLY_INSIGHTS_EMAIL(Optional.empty(), false, "Weekly insights email (admin center checkbox; no documented cmdlet value)"),
  /** The Outlook add-in. */
  ADD_IN(Optional.of("Add-in"), true, "Viva Insights Outlook add-in"),
  /** Inline suggestions in Outlook: UNCONFIRMED as a toggle separate from the add-in. */
  INLINE_SUGGESTIONS(Optional.empty(), false, "Inline suggestions in Outlook (UNCONFIRMED as a separate toggle)"),
  /** Schedule-send suggestions in Outlook. */
  SCHEDULE_SEND(Optional.of("Schedule-send"), true, "Schedule-send suggestions in Outlook"),
  /** Meeting effectiveness surveys. */
  MEETING_EFFECTIVENESS_SURVEY(Optional.of("Meeting-effectiveness-survey"), true, "Meeting effectiveness surveys");

  private final Optional<String> cmdletValue;
  private final boolean confirmed;
  private final String label;

  TenantFeature(Optional<String> cmdletValue, boolean confirmed, String label) {
    this.cmdletValue = cmdletValue;
    this.confirmed = confirmed;
    this.label = label;
  }

  /** @return the {@code -Feature} value of {@code Set-DefaultTenantMyAnalyticsFeatureConfig}, if one is documented */
  public Optional<String> cmdletValue() {
    return cmdletValue;
  }

  /** @return true when Microsoft documents this item as a tenant default */
  public boolean confirmed() {
    return confirmed;
  }

  /** @return a label for an admin */
  public String label() {
    return label;
  }

  /**
   * Parses an enum name or a cmdlet value, ignoring case and {@code -}/{@code _}.
   *
   * @param value e.g. {@code digest-email} or {@code WEEKLY_INSIGHTS_EMAIL}
   * @return the feature
   * @throws InvalidInputException for an unknown value
   */
  public static TenantFeature parse(String value) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TenantFeature f : values()) {
      if (f.name().equals(v) || f.cmdletValue.map(c -> c.toUpperCase(Locale.ROOT).replace('-', '_')).filter(v::equals).isPresent()) {
        return f;
      }
    }
    throw new InvalidInputException("tenant MyAnalytics feature", value, "use one of " + java.util.Arrays.toString(values()));
  }
}
