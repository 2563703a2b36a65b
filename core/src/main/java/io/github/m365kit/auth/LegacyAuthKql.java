package io.github.m365kit.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The legacy-authentication audit as a Kusto (KQL) query for Log Analytics: interactive sign-ins
 * ({@code SigninLogs}) and, by default, non-interactive ones ({@code AADNonInteractiveUserSignInLogs}), keeping
 * every client app other than "Browser" and "Mobile Apps and Desktop clients", summarised per user and client app
 * like the audit's report. Every value embedded in the query is a KQL string literal escaped by {@link #literal}.
 * Immutable.
 *
 * <pre>{@code
 * String kql = LegacyAuthKql.builder().lookback(Duration.ofDays(30)).build().query();
 * }</pre>
 */
public final class LegacyAuthKql {
  private final Duration lookback;
  private final boolean nonInteractive;
  private final Optional<String> userPrefix;
  private final List<String> excludeUsers;

  private LegacyAuthKql(Builder b) {
    this.lookback = b.lookback;
    this.nonInteractive = b.nonInteractive;
    this.userPrefix = b.userPrefix;
    this.excludeUsers = List.copyOf(b.excludeUsers);
  }

  /** @return a builder: 30 days, both tables, all users */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Quotes a value as a KQL double-quoted string literal: backslash, quote and control characters are escaped,
   * so the value cannot end the string or add an operator.
   *
   * @param value any text
   * @return the literal, with quotes
   */
  public static String literal(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\': sb.append("\\\\"); break;
        case '"': sb.append("\\\""); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  /** @return the query text */
  public String query() {
    List<String> lines = new ArrayList<>();
    lines.add(nonInteractive ? "union withsource=SignInTable SigninLogs, AADNonInteractiveUserSignInLogs" : "SigninLogs");
    lines.add("| where TimeGenerated > ago(" + Math.max(1, lookback.toMinutes()) + "m)");
    lines.add("| where ClientAppUsed !in (" + literal(ClientApp.BROWSER.logValue()) + ", " + literal(ClientApp.MOBILE_APPS_AND_DESKTOP.logValue()) + ")");
    userPrefix.ifPresent(p -> lines.add("| where UserPrincipalName startswith " + literal(p)));
    if (!excludeUsers.isEmpty()) {
      List<String> l = new ArrayList<>();
      excludeUsers.forEach(u -> l.add(literal(u)));
      lines.add("| where UserPrincipalName !in~ (" + String.join(", ", l) + ")");
    }
    lines.add("| extend Succeeded = tostring(ResultType) == \"0\"");
    lines.add("| summarize Successes = countif(Succeeded), Failures = countif(not(Succeeded)), FirstSeen = min(TimeGenerated),"
        + " LastSeen = max(TimeGenerated), DistinctIps = dcount(IPAddress), Apps = make_set(AppDisplayName, 5)"
        + " by UserPrincipalName = tolower(UserPrincipalName), ClientAppUsed");
    lines.add("| order by Successes desc, UserPrincipalName asc");
    return String.join("\n", lines) + "\n";
  }

  /** Builds a {@link LegacyAuthKql}. Not thread-safe. */
  public static final class Builder {
    private Duration lookback = Duration.ofDays(30);
    private boolean nonInteractive = true;
    private Optional<String> userPrefix = Optional.empty();
    private final List<String> excludeUsers = new ArrayList<>();

    private Builder() {}

    /**
     * @param lookback how far back to look
     * @return this
     */
    public Builder lookback(Duration lookback) {
      if (lookback.isNegative() || lookback.isZero()) {
        throw new IllegalArgumentException("lookback must be positive: " + lookback);
      }
      this.lookback = lookback;
      return this;
    }

    /**
     * @param include whether to add {@code AADNonInteractiveUserSignInLogs} (default true)
     * @return this
     */
    public Builder nonInteractive(boolean include) {
      this.nonInteractive = include;
      return this;
    }

    /**
     * @param prefix only users whose UPN starts with this (e.g. a department's naming prefix)
     * @return this
     */
    public Builder userPrefix(String prefix) {
      this.userPrefix = Optional.of(Objects.requireNonNull(prefix, "prefix == null"));
      return this;
    }

    /**
     * @param upn a user to leave out (e.g. a break-glass account)
     * @return this
     */
    public Builder excludeUser(String upn) {
      excludeUsers.add(Objects.requireNonNull(upn, "upn == null"));
      return this;
    }

    /** @return the query */
    public LegacyAuthKql build() {
      return new LegacyAuthKql(this);
    }
  }
}
