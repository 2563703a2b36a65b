package io.github.m365kit.auth;

import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.spi.SignInLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The readiness audit before switching basic authentication off: reads sign-in events (from the {@link SignInLog}
 * port or from an exported file of any size, in constant memory) and reports, per user and legacy protocol,
 * successes, failures, first and last sign-in, distinct IPs and applications; the users who would break with the
 * modern client to move them to; and suspected password spraying.
 *
 * <p>Files are detected by their first character: JSON (an array as the Entra portal downloads it, a Graph page
 * {@code {"value":[…]}}, several pages concatenated or one per line, or one event object per line) or CSV with the
 * portal's headers ({@code Date (UTC)}, {@code Username}, {@code Client app}, {@code IP address},
 * {@code Sign-in error code}, {@code Status}, {@code Failure reason}, {@code Application}, …) or the Graph field
 * names. JSON is read with Jackson's streaming parser, field by field, without building a tree per event.
 *
 * <p>A file that cannot be an audit of the tenant's sign-ins is refused rather than read as "nobody would break": text
 * that is not UTF-8 (a CSV re-saved by Excel as ANSI; the error names the record and byte offset), a semicolon-separated
 * CSV, a file cut off inside a quoted field or a JSON array, and JSON in which no record has a {@code createdDateTime}
 * (another export by mistake). An empty file or an empty array is an empty log.
 *
 * <p>Spray rules: an IP is suspected when it tried at least {@code sprayMinAccounts} accounts and either never
 * succeeded, or failed at least {@code sprayFailureShare} of the time (a few IPs hitting many accounts; the
 * successes are probably compromised accounts); or when it failed against an account listed as disabled (the seed
 * blog's example: a disabled account hit over IMAP from a few IPs).
 *
 * <pre>{@code
 * LegacyAuthReport r = LegacyAuthAudit.builder().disabledUsers(disabledUpns).build().audit(Path.of("signins.csv"));
 * Files.writeString(Path.of("legacy-auth.html"), r.render(LegacyAuthReport.Format.HTML));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each audit uses its own tables.
 */
public final class LegacyAuthAudit {
  private final Set<String> disabledUsers;
  private final int distinctIpCap;
  private final int accountCap;
  private final int sprayMinAccounts;
  private final double sprayFailureShare;
  private final int maxTrackedIps;
  private final Instant since;
  private final Clock clock;

  private LegacyAuthAudit(Builder b) {
    this.disabledUsers = Set.copyOf(b.disabledUsers);
    this.distinctIpCap = b.distinctIpCap;
    this.accountCap = b.accountCap;
    this.sprayMinAccounts = b.sprayMinAccounts;
    this.sprayFailureShare = b.sprayFailureShare;
    this.maxTrackedIps = b.maxTrackedIps;
    this.since = b.since;
    this.clock = b.clock;
  }

  /** @return a builder with the defaults: IP cap 100, spray at 5 accounts and 90% failures, everything since the epoch */
  public static Builder builder() {
    return new Builder();
  }

  Set<String> disabledUsers() {
    return disabledUsers;
  }

  int distinctIpCap() {
    return distinctIpCap;
  }

  int accountCap() {
    return accountCap;
  }

  int sprayMinAccounts() {
    return sprayMinAccounts;
  }

  double sprayFailureShare() {
    return sprayFailureShare;
  }

  int maxTrackedIps() {
    return maxTrackedIps;
  }

  long sinceMillis() {
    return since.toEpochMilli();
  }

  /**
   * Audits the sign-in log through the port, streamed; only legacy sign-ins are requested.
   *
   * @param log the sign-in log
   * @return the report
   */
  public LegacyAuthReport audit(SignInLog log) {
    AuditAggregator agg = new AuditAggregator(this);
    log.forEachSignIn(since, true, agg);
    return agg.report(clock.instant());
  }

  /**
   * Audits events already in memory (tests, small samples).
   *
   * @param events the events
   * @return the report
   */
  public LegacyAuthReport audit(Iterable<SignInEvent> events) {
    AuditAggregator agg = new AuditAggregator(this);
    events.forEach(agg);
    return agg.report(clock.instant());
  }

  /**
   * Audits an exported file (JSON, Graph pages or CSV, detected), read in constant memory.
   *
   * @param file the file
   * @return the report
   * @throws io.github.m365kit.InvalidInputException when the file does not exist, is a directory, is neither JSON nor
   *     CSV with a known header, or is flawed as listed in the class comment
   * @throws BackendException when the file cannot be read (permission denied, an I/O error)
   */
  public LegacyAuthReport audit(Path file) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException("sign-in file", file.toString(), "it is a directory, not a file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return audit(in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("sign-in file", file.toString(), "no such file");
    } catch (IOException e) {
      String why = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
      throw new BackendException("file", "io", "cannot read sign-in file " + file + ": " + why, e);
    }
  }

  /**
   * Audits an export read from a stream (format detected); the stream is not closed.
   *
   * @param in the export
   * @return the report
   * @throws io.github.m365kit.InvalidInputException when the input is neither JSON nor CSV with a known header
   */
  public LegacyAuthReport audit(InputStream in) {
    AuditAggregator agg = new AuditAggregator(this);
    SignInFiles.read(in, agg);
    return agg.report(clock.instant());
  }

  /** Builds a {@link LegacyAuthAudit}. Not thread-safe. */
  public static final class Builder {
    private Set<String> disabledUsers = Set.of();
    private int distinctIpCap = 100;
    private int accountCap = 10_000;
    private int sprayMinAccounts = 5;
    private double sprayFailureShare = 0.9;
    private int maxTrackedIps = 2_000_000;
    private Instant since = Instant.EPOCH;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param upns user principal names of disabled accounts (any case), to flag attempts against them
     * @return this
     */
    public Builder disabledUsers(Set<String> upns) {
      this.disabledUsers = Set.copyOf(upns);
      return this;
    }

    /**
     * @param cap distinct IPs counted exactly per user and protocol; beyond it the count reads "≥ cap"
     * @return this
     */
    public Builder distinctIpCap(int cap) {
      this.distinctIpCap = positive(cap, "distinctIpCap");
      return this;
    }

    /**
     * @param cap distinct accounts counted exactly per IP
     * @return this
     */
    public Builder accountCap(int cap) {
      this.accountCap = positive(cap, "accountCap");
      return this;
    }

    /**
     * @param minAccounts accounts an IP must try before it can count as spraying
     * @param failureShare share of failures (0..1) above which an IP with some successes still counts
     * @return this
     */
    public Builder spray(int minAccounts, double failureShare) {
      this.sprayMinAccounts = positive(minAccounts, "minAccounts");
      if (!(failureShare > 0 && failureShare <= 1)) {
        throw new IllegalArgumentException("failureShare must be in (0, 1]: " + failureShare);
      }
      this.sprayFailureShare = failureShare;
      return this;
    }

    /**
     * @param max distinct IPs tracked for spray detection before new ones are ignored (memory bound)
     * @return this
     */
    public Builder maxTrackedIps(int max) {
      this.maxTrackedIps = positive(max, "maxTrackedIps");
      return this;
    }

    /**
     * @param since ignore sign-ins before this instant
     * @return this
     */
    public Builder since(Instant since) {
      this.since = Objects.requireNonNull(since, "since == null");
      return this;
    }

    /**
     * @param clock the clock for the report date and the SMTP AUTH note
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    private static int positive(int v, String name) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " < 1: " + v);
      }
      return v;
    }

    /** @return the audit */
    public LegacyAuthAudit build() {
      return new LegacyAuthAudit(this);
    }
  }
}
