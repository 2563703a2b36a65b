package io.github.m365kit.auth;

import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.BulkReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a company-wide rollout did, per user: the policy the user was given and the outcome (applied, already in
 * place, or failed with a reason). Immutable.
 *
 * @param policy the rollout policy
 * @param exceptionPolicy the exception policy, if any
 * @param policyByUser each target user and the policy meant for them, in directory order
 * @param bulk the bulk run's report, one outcome per user in the same order
 */
public record RolloutReport(String policy, Optional<String> exceptionPolicy, Map<Upn, String> policyByUser, BulkReport bulk) {
  /** Copies. */
  public RolloutReport {
    policyByUser = Collections.unmodifiableMap(new LinkedHashMap<>(policyByUser));
  }

  /**
   * One user's line of the report.
   *
   * @param user the user
   * @param policy the policy meant for the user
   * @param outcome what happened
   */
  public record UserOutcome(Upn user, String policy, BulkOutcome outcome) {}

  /** @return one line per user, in directory order */
  public List<UserOutcome> users() {
    List<UserOutcome> out = new ArrayList<>();
    List<BulkOutcome> outcomes = bulk.outcomes();
    int i = 0;
    for (Map.Entry<Upn, String> e : policyByUser.entrySet()) {
      out.add(new UserOutcome(e.getKey(), e.getValue(), outcomes.get(i++)));
    }
    return out;
  }

  /** @return the users whose plan failed, with the reason in each outcome */
  public List<UserOutcome> failed() {
    return users().stream().filter(u -> u.outcome().status() == BulkOutcome.Status.FAILED).toList();
  }

  /** @return a one-line summary with the peak concurrency and throttling count */
  public String summary() {
    return "rollout of '" + policy + "'" + exceptionPolicy.map(p -> " (exceptions get '" + p + "')").orElse("") + ": " + bulk.summary()
        + "; peak concurrency " + bulk.peakConcurrency() + ", " + bulk.throttleEvents() + " throttling responses";
  }

  /** @return a text table: user, policy, status, reason */
  public String toText() {
    StringBuilder sb = new StringBuilder(summary()).append('\n');
    for (UserOutcome u : users()) {
      sb.append(String.format("  %-40s %-30s %-12s %s%n", u.user().value(), u.policy(), u.outcome().status(), u.outcome().reason().orElse("")));
    }
    return sb.toString();
  }
}
