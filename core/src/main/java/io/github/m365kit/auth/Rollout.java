package io.github.m365kit.auth;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.BulkRunner;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.ProgressListener;
import io.github.m365kit.plan.RetryPolicy;
import io.github.m365kit.plan.Sleeper;
import io.github.m365kit.plan.StepStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A company-wide rollout of an authentication policy: every user the cloud directory lists gets the policy, except
 * the users named as exceptions, who get the exception policy instead (one that keeps basic authentication for the
 * protocols they still need). Each user is one plan ({@link AuthPolicyManager#rolloutPlan}) run by a
 * {@link BulkRunner}: adaptive concurrency that backs off on throttling, retries of transient errors, a journal so a
 * killed run resumes without re-applying finished users, a progress listener and a per-user report.
 *
 * <pre>{@code
 * RolloutReport r = auth.rollout("Block Basic Auth")
 *     .except(Set.of(Upn.of("scanner@contoso.com")), "Allow SMTP")
 *     .journal(Journal.jsonLines(Path.of("rollout.jsonl")))
 *     .listener(progress)
 *     .run();
 * }</pre>
 *
 * <p>Not thread-safe while being configured; {@link #run()} may be called again (with the same journal) to resume.
 */
public final class Rollout {
  private final AuthPolicyManager manager;
  private final String policy;
  private Set<Upn> exceptions = Set.of();
  private Optional<String> exceptionPolicy = Optional.empty();
  private TokenRefresh refresh = TokenRefresh.NONE;
  private Predicate<CloudUser> filter = u -> true;
  private Journal journal = Journal.inMemory();
  private ProgressListener listener = ProgressListener.NONE;
  private Sleeper sleeper = Sleeper.system();
  private RetryPolicy retry = RetryPolicy.defaults();
  private int initialConcurrency = 4;
  private int maxConcurrency = 16;

  Rollout(AuthPolicyManager manager, String policy) {
    this.manager = manager;
    this.policy = policy;
  }

  /**
   * Gives the named users the exception policy instead of the rollout policy.
   *
   * @param users the users who still need basic authentication for some protocols
   * @param exceptionPolicyName the policy they get (create it with {@link AuthPolicyManager#createException})
   * @return this
   */
  public Rollout except(Set<Upn> users, String exceptionPolicyName) {
    this.exceptions = Set.copyOf(users);
    this.exceptionPolicy = Optional.of(AuthPolicy.validateName(exceptionPolicyName));
    return this;
  }

  /**
   * Limits the rollout to users matching a predicate (for example members only); by default every user.
   *
   * @param filter which users to include
   * @return this
   */
  public Rollout filter(Predicate<CloudUser> filter) {
    this.filter = Objects.requireNonNull(filter, "filter == null");
    return this;
  }

  /**
   * @param refresh how to refresh each user's tokens after assigning; {@link TokenRefresh#NONE} (the default) lets
   *     the policy apply within 24 hours without signing everybody out
   * @return this
   */
  public Rollout tokenRefresh(TokenRefresh refresh) {
    this.refresh = Objects.requireNonNull(refresh, "refresh == null");
    return this;
  }

  /**
   * @param journal where finished users are recorded; use {@link Journal#jsonLines} to resume after a crash
   * @return this
   */
  public Rollout journal(Journal journal) {
    this.journal = Objects.requireNonNull(journal, "journal == null");
    return this;
  }

  /**
   * @param listener hears each step, retry and finished user; must be thread-safe
   * @return this
   */
  public Rollout listener(ProgressListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener == null");
    return this;
  }

  /**
   * @param sleeper how to wait between retries (tests pass {@code SimulatedClock.sleeper()})
   * @return this
   */
  public Rollout sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return this;
  }

  /**
   * @param retry per-step retry policy
   * @return this
   */
  public Rollout retryPolicy(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry == null");
    return this;
  }

  /**
   * @param initial starting number of users worked on at once
   * @param max highest number; throttling halves the current number
   * @return this
   */
  public Rollout concurrency(int initial, int max) {
    if (initial < 1 || max < initial) {
      throw new IllegalArgumentException("need 1 <= initial <= max, got " + initial + ", " + max);
    }
    this.initialConcurrency = initial;
    this.maxConcurrency = max;
    return this;
  }

  /**
   * Lists the targets without changing anything: every user of the directory (after the filter) with the policy
   * they would get, in directory order.
   *
   * @return user to policy name
   * @throws NotFoundException when an exception user is not in the directory: a typo there would give the account that
   *     still needs basic authentication the blocking policy, so nothing runs until it is fixed
   */
  public Map<Upn, String> targets() {
    Map<Upn, String> targets = new LinkedHashMap<>();
    // sorted for a stable message; UPNs compare without regard to case
    Set<Upn> unknownExceptions = new TreeSet<>(Comparator.comparing((Upn u) -> u.value().toLowerCase(Locale.ROOT)));
    unknownExceptions.addAll(exceptions);
    manager.directory().forEachUser(u -> {
      Upn upn = u.userPrincipalName();
      unknownExceptions.remove(upn);
      if (filter.test(u)) {
        targets.put(upn, exceptions.contains(upn) ? exceptionPolicy.orElseThrow() : policy);
      }
    });
    if (!unknownExceptions.isEmpty()) {
      String names = unknownExceptions.stream().map(Upn::value).collect(Collectors.joining(", "));
      throw new NotFoundException("user", names, "exception user" + (unknownExceptions.size() == 1 ? " " : "s ") + names
          + (unknownExceptions.size() == 1 ? " is" : " are") + " not in the tenant (after a typo the account that still needs basic"
          + " authentication would get '" + policy + "'); nothing was changed");
    }
    return targets;
  }

  /**
   * Runs the rollout. A user whose plan fails does not stop the others; run again with the same journal to retry
   * the failures without touching finished users.
   *
   * @return the per-user report
   */
  public RolloutReport run() {
    Map<Upn, String> targets = targets();
    List<Upn> users = new ArrayList<>(targets.keySet());
    BulkRunner runner = BulkRunner.builder().journal(journal).listener(listener).sleeper(sleeper).retryPolicy(retry)
        .concurrency(initialConcurrency, maxConcurrency).build();
    // a run that stopped (or crashed) after assigning a user's policy but before refreshing the tokens leaves the
    // assignment reading back as done: the journal says the refresh is still owed
    Set<String> assignedEarlier = new HashSet<>();
    for (Journal.Entry e : journal.entries()) {
      if (e.step().equals("assign") && (e.status() == StepStatus.APPLIED || e.status() == StepStatus.FAILED)) {
        assignedEarlier.add(e.plan());
      }
    }
    BulkReport bulk = runner.run(users, Upn::value, u -> manager.rolloutPlan(u, targets.get(u), refresh,
        assignedEarlier.contains(AuthPolicyManager.rolloutPlanId(u, targets.get(u)))));
    return new RolloutReport(policy, exceptionPolicy, targets, bulk);
  }
}
