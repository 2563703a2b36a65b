package io.github.m365kit.insights;

import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Optional;

/**
 * The "before the Welcome emails go out" check for a whole tenant: one {@link WelcomeCheck} per user, in directory
 * order. Immutable and thread-safe.
 *
 * @param checks one check per user
 * @param weeklyInsightsEmail whether the tenant's "Weekly insights email" checkbox is on
 * @param notes caveats to show with the report (they include the UNCONFIRMED status of the Welcome-email rule)
 */
public record WelcomeReport(List<WelcomeCheck> checks, boolean weeklyInsightsEmail, List<String> notes) {
  /** Copies. */
  public WelcomeReport {
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  /** @return the users who would get a Welcome email now */
  public List<Upn> wouldReceive() {
    return checks.stream().filter(WelcomeCheck::wouldReceive).map(WelcomeCheck::user).toList();
  }

  /**
   * @param user a user
   * @return that user's check
   */
  public Optional<WelcomeCheck> check(Upn user) {
    return checks.stream().filter(c -> c.user().equals(user)).findFirst();
  }

  /** @return the report as text for an admin */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("MyAnalytics Welcome email check: ").append(wouldReceive().size()).append(" of ").append(checks.size())
        .append(" users would get one now\n");
    for (String n : notes) {
      sb.append("  note: ").append(n).append('\n');
    }
    for (WelcomeCheck c : checks) {
      sb.append("  ").append(c.wouldReceive() ? "WOULD GET  " : "would not ").append(c.user()).append('\n');
      for (String r : c.reasons()) {
        sb.append("      - ").append(r).append('\n');
      }
    }
    return sb.toString();
  }
}
