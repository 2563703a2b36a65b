package io.github.m365kit.auth;

import java.time.LocalDate;

/**
 * The retirement status of basic authentication for SMTP AUTH client submission in Exchange Online, as a dated
 * note. The latest Microsoft update known to m365kit is of 2026-01-27: no change through December 2026; from the
 * end of December 2026 SMTP AUTH basic authentication is disabled by default for existing tenants but admins can
 * re-enable it; tenants created after December 2026 do not have it by default; the final removal date is to be
 * announced in the second half of 2027. Earlier plans (removal in September 2025, then phased rejection from
 * 2026-03-01) were superseded, though some third-party pages still repeat them. Stateless.
 */
public final class SmtpAuthRetirement {
  /** The date of the latest Microsoft update this note is based on. */
  public static final LocalDate LATEST_UPDATE = LocalDate.of(2026, 1, 27);
  /** The source of {@link #LATEST_UPDATE}. */
  public static final String SOURCE =
      "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835";
  /** When basic authentication becomes disabled by default for existing tenants (end of December 2026). */
  public static final LocalDate DISABLED_BY_DEFAULT = LocalDate.of(2026, 12, 31);

  private SmtpAuthRetirement() {}

  /**
   * Describes the status on a given day.
   *
   * @param today the day the report is made
   * @return a dated note for an admin
   */
  public static String status(LocalDate today) {
    String state = today.isBefore(DISABLED_BY_DEFAULT)
        ? "SMTP AUTH basic authentication keeps working through December 2026; at the end of December 2026 it becomes disabled by default"
            + " for existing tenants (admins can re-enable it) and unavailable by default for tenants created after that."
        : "Since the end of December 2026 SMTP AUTH basic authentication is disabled by default for existing tenants (admins can re-enable it)"
            + " and unavailable by default for new tenants.";
    return "SMTP AUTH (as of Microsoft's update of " + LATEST_UPDATE + "): " + state
        + " The final removal date is to be announced in the second half of 2027. After removal, clients get"
        + " '550 5.7.30 Basic authentication is not supported for Client Submission.' Other protocols lost basic authentication"
        + " from 2022-10-01. Check the Message Center (MC786329) before relying on a date. Source: " + SOURCE;
  }
}
