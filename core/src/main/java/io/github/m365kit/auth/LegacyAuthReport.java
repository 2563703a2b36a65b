package io.github.m365kit.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a {@link LegacyAuthAudit}: legacy sign-ins per user and protocol, the users who would break when
 * basic authentication is switched off, suspected password-spray sources, disabled accounts that were targeted,
 * legacy sign-ins per day and protocol, and the SMTP AUTH retirement note. Rendered as text, JSON, CSV or a
 * self-contained HTML page by {@link #render(Format)}. Immutable.
 *
 * <p>The JSON is an object with (at least) {@code users}: an array of {@code {userPrincipalName, protocol, successes,
 * failures, firstSeen, lastSeen, distinctIps}} and {@code suspectedSpray}: an array of {@code {ipAddress, failures,
 * accounts}}; other top-level fields add the findings, the per-day counts and the notes. A {@code distinctIps} equal
 * to the top-level {@code distinctIpCap} means "at least that many".
 *
 * @param generatedAt when the audit ran
 * @param eventsRead every sign-in read, modern ones included
 * @param legacyEvents legacy sign-ins counted
 * @param distinctIpCap the cap on distinct IPs counted exactly per user and protocol
 * @param users usage per user and legacy protocol, sorted by user then protocol
 * @param suspectedSpray suspected spray sources, most accounts first
 * @param disabledTargeted disabled accounts with legacy sign-in attempts
 * @param daily legacy sign-ins per UTC day and client app
 * @param notes notes for the admin (SMTP AUTH status, saturated tables)
 */
public record LegacyAuthReport(
    Instant generatedAt,
    long eventsRead,
    long legacyEvents,
    int distinctIpCap,
    List<Usage> users,
    List<SprayIp> suspectedSpray,
    List<DisabledTarget> disabledTargeted,
    SortedMap<LocalDate, Map<ClientApp, Long>> daily,
    List<String> notes) {

  /** Copies. */
  public LegacyAuthReport {
    Objects.requireNonNull(generatedAt, "generatedAt == null");
    users = List.copyOf(users);
    suspectedSpray = List.copyOf(suspectedSpray);
    disabledTargeted = List.copyOf(disabledTargeted);
    daily = Collections.unmodifiableSortedMap(new TreeMap<>(daily));
    notes = List.copyOf(notes);
  }

  /** The report formats. */
  public enum Format {
    /** Plain text for a terminal. */ TEXT,
    /** JSON, see the class description. */ JSON,
    /** CSV, one row per user and protocol. */ CSV,
    /** A self-contained HTML page with an inline SVG chart. */ HTML
  }

  /**
   * Legacy sign-ins of one user with one client app.
   *
   * @param userPrincipalName the user as logged, in lower case
   * @param protocol the {@code clientAppUsed} value ({@link ClientApp#logValue()} for known ones, the raw value otherwise)
   * @param successes successful sign-ins
   * @param failures failed sign-ins
   * @param firstSeen earliest sign-in
   * @param lastSeen latest sign-in
   * @param distinctIps distinct client IPs, exact up to the cap
   * @param distinctIpsCapped true when {@code distinctIps} reached the cap and means "at least"
   * @param apps application names seen (at most a few)
   */
  public record Usage(String userPrincipalName, String protocol, long successes, long failures, Instant firstSeen, Instant lastSeen,
      int distinctIps, boolean distinctIpsCapped, List<String> apps) {
    /** Copies. */
    public Usage {
      apps = List.copyOf(apps);
    }

    /** @return the classification of {@link #protocol()} */
    public ClientApp clientApp() {
      return ClientApp.of(protocol);
    }

    /** @return true when the user signed in successfully with this legacy protocol, so switching it off breaks something */
    public boolean wouldBreak() {
      return successes > 0;
    }

    /** @return the modern client to move to, for users who would break */
    public Optional<String> recommendation() {
      return wouldBreak() ? Optional.of(ModernClientAdvice.recommendFor(clientApp())) : Optional.empty();
    }

    /** @return {@code distinctIps} as text, with "≥" when capped */
    public String distinctIpsText() {
      return (distinctIpsCapped ? "\u2265" : "") + distinctIps;
    }
  }

  /**
   * A client IP suspected of password spraying.
   *
   * @param ipAddress the IP
   * @param failures failed legacy sign-ins from it
   * @param successes successful legacy sign-ins from it
   * @param accounts distinct accounts it tried, exact up to the cap
   * @param accountsCapped true when {@code accounts} means "at least"
   * @param reasons why it is suspected
   */
  public record SprayIp(String ipAddress, long failures, long successes, int accounts, boolean accountsCapped, List<String> reasons) {
    /** Copies. */
    public SprayIp {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * A disabled account with legacy sign-in attempts: nobody should be using it.
   *
   * @param userPrincipalName the account
   * @param attempts legacy sign-ins
   * @param successes of which successful
   * @param ipAddresses the source IPs (at most the distinct-IP cap)
   * @param protocols the client apps used
   */
  public record DisabledTarget(String userPrincipalName, long attempts, long successes, List<String> ipAddresses, List<String> protocols) {
    /** Copies. */
    public DisabledTarget {
      ipAddresses = List.copyOf(ipAddresses);
      protocols = List.copyOf(protocols);
    }
  }

  /** @return the usages with successful legacy sign-ins: what breaks when basic authentication is switched off */
  public List<Usage> wouldBreak() {
    return users.stream().filter(Usage::wouldBreak).toList();
  }

  /**
   * Renders the report.
   *
   * @param format the format
   * @return the rendering
   */
  public String render(Format format) {
    StringWriter w = new StringWriter();
    write(format, w);
    return w.toString();
  }

  /**
   * Writes the report.
   *
   * @param format the format
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public void write(Format format, Writer out) {
    try {
      AuditRenderer.write(this, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the legacy-authentication report", e);
    }
  }
}
