package io.github.m365kit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkRunnerTest {

  /** A fake service with a concurrency budget: more than {@code budget} calls at once get a 429. */
  static final class Service {
    final Map<String, AtomicInteger> applies = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final int budget;
    final Random random = new Random(7);
    final double transientShare;

    Service(int budget, double transientShare) {
      this.budget = budget;
      this.transientShare = transientShare;
    }

    void apply(String user) {
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      try {
        if (now > budget) {
          throw new ThrottledException("429 for " + user, Duration.ofMillis(5));
        }
        synchronized (random) {
          if (random.nextDouble() < transientShare) {
            throw new TransientException("503 for " + user, null);
          }
        }
        Thread.sleep(1);
        applies.computeIfAbsent(user, k -> new AtomicInteger()).incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }

    Plan plan(String user) {
      return new Plan("assign:" + user, "assign", List.of(Step.builder().id("assign").description("assign policy to " + user)
          .isDone(() -> applies.containsKey(user)).apply(() -> apply(user)).build()), List.of());
    }
  }

  @Test
  void run_withThrottlingAndTransientFaults_appliesEveryTargetExactlyOnceAndAdaptsConcurrency() {
    Service svc = new Service(6, 0.10);
    List<String> users = IntStream.range(0, 400).mapToObj(i -> "user" + i + "@contoso.com").toList();
    AtomicInteger progress = new AtomicInteger();
    // the waits are real (milliseconds): a worker that retried a 429 at once, without waiting, could spend any retry
    // budget while the service is still busy, which no limiter can prevent
    BulkReport report = BulkRunner.builder().concurrency(16, 32).retryPolicy(new RetryPolicy(20, Duration.ofMillis(1), Duration.ofMillis(5)))
        .sleeper(Sleeper.system()).listener(new ProgressListener() {
          @Override
          public void targetFinished(int finished, int total, BulkOutcome outcome) {
            progress.incrementAndGet();
          }
        }).build().run(users, u -> u, svc::plan);
    assertThat(report.failed()).isEmpty();
    assertThat(report.count(BulkOutcome.Status.APPLIED)).isEqualTo(400);
    assertThat(svc.applies).hasSize(400);
    assertThat(svc.applies.values()).allSatisfy(c -> assertThat(c).hasValue(1));
    assertThat(report.throttleEvents()).isPositive();
    assertThat(progress).hasValue(400);
    assertThat(report.outcomes()).extracting(BulkOutcome::target).containsExactlyElementsOf(users);
  }

  @Test
  void run_whenKilledMidRun_resumesWithoutReapplyingFinishedTargets() {
    Service svc = new Service(100, 0);
    List<String> users = IntStream.range(0, 50).mapToObj(i -> "u" + i + "@contoso.com").toList();
    Journal journal = Journal.inMemory();
    BulkRunner runner = BulkRunner.builder().journal(journal).concurrency(4, 8).sleeper(d -> { }).build();
    runner.run(users.subList(0, 20), u -> u, svc::plan);
    // the "restart": a new service object forgets nothing, the journal remembers the first 20
    List<String> applied = new ArrayList<>();
    BulkReport second = BulkRunner.builder().journal(journal).concurrency(4, 8).sleeper(d -> { }).build().run(users, u -> u, u -> {
      Plan p = svc.plan(u);
      return new Plan(p.id(), p.title(), List.of(Step.builder().id("assign").description("d").isDone(() -> false).apply(() -> {
        synchronized (applied) {
          applied.add(u);
        }
        svc.apply(u);
      }).verify(() -> svc.applies.containsKey(u)).build()), List.of());
    });
    assertThat(applied).hasSize(30).doesNotContainAnyElementsOf(users.subList(0, 20));
    assertThat(second.count(BulkOutcome.Status.ALREADY_DONE)).isEqualTo(20);
    assertThat(svc.applies.values()).allSatisfy(c -> assertThat(c).hasValue(1));
  }

  @Test
  void run_whenPlannerThrows_failsOnlyThatTarget() {
    Service svc = new Service(100, 0);
    BulkReport r = BulkRunner.builder().sleeper(d -> { }).build().run(List.of("a@x.com", "bad", "b@x.com"), u -> u, u -> {
      if (u.equals("bad")) {
        throw new io.github.m365kit.NotFoundException("user", u);
      }
      return svc.plan(u);
    });
    assertThat(r.outcome("bad").get().status()).isEqualTo(BulkOutcome.Status.FAILED);
    assertThat(r.outcome("bad").get().reason()).get().asString().contains("'bad' was not found");
    assertThat(r.summary()).isEqualTo("3 targets: 2 applied, 0 already done, 1 failed");
  }

  @Test
  void limiter_slowStartsThenCutsGentlyAndGrowsByOnePerRoundTrip() throws Exception {
    AdaptiveLimiter l = new AdaptiveLimiter(4, 40);
    for (int i = 0; i < 4; i++) {
      l.acquire();
      l.releaseSuccess();
    }
    assertThat(l.limit()).as("slow start: one more per success, doubling each round trip").isEqualTo(8);
    for (int i = 0; i < 12; i++) {
      l.acquire();
      l.releaseSuccess();
    }
    assertThat(l.limit()).isEqualTo(20);
    l.throttled();
    assertThat(l.limit()).as("a throttle cuts to 90%").isEqualTo(18);
    l.throttled();
    assertThat(l.limit()).as("a burst of 429s counts once").isEqualTo(18);
    for (int i = 0; i < 17; i++) {
      l.acquire();
      l.releaseSuccess();
    }
    assertThat(l.limit()).as("after slow start: +1 only after a full window of successes").isEqualTo(18);
    l.acquire();
    l.releaseSuccess();
    assertThat(l.limit()).isEqualTo(19);
    for (int i = 0; i < 19; i++) {
      l.acquire();
      l.release();
    }
    l.throttled();
    assertThat(l.limit()).as("once a window has passed, the next throttle cuts again").isEqualTo(17);
    assertThat(l.throttles()).isEqualTo(3);
    assertThat(l.peak()).isEqualTo(20);
  }

  @Test
  void limiter_halvesWhenTheWindowAfterACutIsThrottledAgain() throws Exception {
    AdaptiveLimiter l = new AdaptiveLimiter(30, 30);
    l.throttled();
    assertThat(l.limit()).isEqualTo(27);
    for (int i = 0; i < 27; i++) {
      l.acquire();
      l.release();
    }
    l.throttled();
    assertThat(l.limit()).as("still throttled a window after the cut, nothing grew: halve").isEqualTo(13);
    for (int i = 0; i < 13; i++) {
      l.acquire();
      l.releaseSuccess();
    }
    assertThat(l.limit()).isEqualTo(14);
    for (int i = 0; i < 14; i++) {
      l.acquire();
      l.release();
    }
    l.throttled();
    assertThat(l.limit()).as("after growth, the gentle cut again").isEqualTo(12);
  }

  @Test
  void limiter_smallLimitsStillShrinkAndNeverReachZero() {
    AdaptiveLimiter l = new AdaptiveLimiter(3, 3);
    l.throttled();
    assertThat(l.limit()).as("90% of 3 rounds down, but a cut always removes at least one").isEqualTo(2);
    AdaptiveLimiter one = new AdaptiveLimiter(1, 1);
    one.throttled();
    assertThat(one.limit()).isEqualTo(1);
  }

  @Test
  void limiter_slowStartStopsAtTheMaximum() throws Exception {
    AdaptiveLimiter l = new AdaptiveLimiter(2, 5);
    for (int i = 0; i < 10; i++) {
      l.acquire();
      l.releaseSuccess();
    }
    assertThat(l.limit()).isEqualTo(5);
    assertThat(l.peak()).isEqualTo(5);
  }


  /** A one-step plan for a target whose apply does what it is told. */
  private static Plan assign(String user, Runnable apply) {
    return new Plan("assign:" + user, "assign", List.of(Step.builder().id("assign").description("assign policy to " + user)
        .isDone(() -> false).apply(apply).verify(() -> true).build()), List.of());
  }

  @Test
  void run_aRunningStepHoldsOneSlotAndAWorkerWaitingOutRetryAfterGivesItBack() {
    AdaptiveLimiter limiter = new AdaptiveLimiter(1, 1);
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger attemptsOfA = new AtomicInteger();
    BulkReport report = BulkRunner.builder().concurrency(1, 1).retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)))
        .sleeper(d -> seen.add("waiting " + d + " with " + limiter.inFlight() + " slots taken")).build()
        .run(List.of("a", "b"), u -> u, u -> assign(u, () -> {
          seen.add(u + " applying with " + limiter.inFlight() + " slots taken");
          if (u.equals("a") && attemptsOfA.getAndIncrement() == 0) {
            throw new ThrottledException("429 for a", Duration.ofSeconds(7));
          }
        }), limiter);
    assertThat(seen).containsExactly(
        "a applying with 1 slots taken",
        "waiting PT7S with 0 slots taken",
        "a applying with 1 slots taken",
        "b applying with 1 slots taken");
    assertThat(limiter.inFlight()).as("every slot taken was given back").isZero();
    assertThat(report.count(BulkOutcome.Status.APPLIED)).isEqualTo(2);
    assertThat(report.throttleEvents()).isEqualTo(1);
  }

  @Test
  void run_aWorkerInterruptedWhileTakingItsSlotBack_failsTheTargetWithAJournalLineAndKeepsTheSlotCountBalanced() {
    AdaptiveLimiter limiter = new AdaptiveLimiter(1, 1);
    Journal journal = Journal.inMemory();
    // while "a" waits out its Retry-After, someone else takes the only slot; then the worker is interrupted (as by
    // pool shutdown) and its attempt to take the slot back ends at once
    BulkReport report = BulkRunner.builder().journal(journal).concurrency(1, 1).retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)))
        .sleeper(d -> {
          try {
            limiter.acquire();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          Thread.currentThread().interrupt();
        }).build()
        .run(List.of("a"), u -> u, u -> assign(u, () -> {
          throw new ThrottledException("429 for a", Duration.ofSeconds(7));
        }), limiter);
    BulkOutcome a = report.outcome("a").get();
    assertThat(a.status()).isEqualTo(BulkOutcome.Status.FAILED);
    assertThat(a.reason()).contains("plan assign:a stopped at step 'assign': stopped while waiting to retry: bulk run interrupted");
    assertThat(journal.entries()).extracting(Journal.Entry::step, Journal.Entry::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("assign", StepStatus.FAILED));
    assertThat(limiter.inFlight()).as("only the slot taken by the test is still held").isEqualTo(1);
    limiter.release();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void run_targetsThatGaveUpOnThrottlingCountAsThrottlesAndDoNotGrowTheLimit() {
    AdaptiveLimiter limiter = new AdaptiveLimiter(2, 8);
    BulkReport report = BulkRunner.builder().concurrency(2, 8).retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build()
        .run(List.of("a", "b", "c"), u -> u, u -> assign(u, () -> {
          throw new ThrottledException("429 for " + u, Duration.ofSeconds(3));
        }), limiter);
    assertThat(report.outcomes()).extracting(BulkOutcome::status).containsOnly(BulkOutcome.Status.FAILED);
    assertThat(report.outcome("b").get().reason()).contains("plan assign:b stopped at step 'assign': gave up after 1 attempts: 429 for b");
    assertThat(report.throttleEvents()).isEqualTo(3);
    assertThat(report.peakConcurrency()).isEqualTo(2);
    assertThat(limiter.limit()).as("cut from 2, and never below 1").isEqualTo(1);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void run_aPermanentFailureIsNotAThrottle() {
    AdaptiveLimiter limiter = new AdaptiveLimiter(1, 4);
    BulkReport report = BulkRunner.builder().concurrency(1, 4).retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build()
        .run(List.of("a"), u -> u, u -> assign(u, () -> {
          throw new io.github.m365kit.BackendException("exo", "x", "mailbox locked", null);
        }), limiter);
    assertThat(report.outcome("a").get().status()).isEqualTo(BulkOutcome.Status.FAILED);
    assertThat(report.throttleEvents()).isZero();
    assertThat(limiter.limit()).as("the service answered without throttling: slow start goes on").isEqualTo(2);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void run_passesStepEventsAndRetriesToTheListener() {
    List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger attempts = new AtomicInteger();
    BulkRunner.builder().concurrency(1, 1).retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30))).sleeper(d -> { })
        .listener(new ProgressListener() {
          @Override
          public void stepStarted(String planId, Step step) {
            events.add("started " + planId + " " + step.id());
          }

          @Override
          public void stepFinished(String planId, StepResult result) {
            events.add("finished " + planId + " " + result.stepId() + " " + result.status() + " after " + result.attempts());
          }

          @Override
          public void retrying(String planId, String stepId, int attempt, Duration wait, RuntimeException cause) {
            events.add("retrying " + planId + " " + stepId + " after attempt " + attempt + " in " + wait + ": " + cause.getMessage());
          }

          @Override
          public void targetFinished(int finished, int total, BulkOutcome outcome) {
            events.add(finished + "/" + total + " " + outcome.target() + " " + outcome.status());
          }
        }).build().run(List.of("a"), u -> u, u -> assign(u, () -> {
          if (attempts.getAndIncrement() == 0) {
            throw new ThrottledException("429 for a", Duration.ofSeconds(4));
          }
        }));
    assertThat(events).containsExactly(
        "started assign:a assign",
        "retrying assign:a assign after attempt 1 in PT4S: 429 for a",
        "finished assign:a assign APPLIED after 2",
        "1/1 a APPLIED");
  }

  @Test
  void run_workersAreNamedDaemonThreadsSoAStuckCallNeverKeepsTheJvmAlive() {
    List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
    BulkRunner.builder().concurrency(1, 1).sleeper(d -> { }).build().run(List.of("a"), u -> u, u -> assign(u, () -> {
      threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : " user"));
    }));
    assertThat(threads).containsExactly("m365kit-bulk daemon");
  }

  @Test
  void run_whenTheCallerIsInterrupted_stopsWithBulkRunInterruptedAndKeepsTheInterrupt() {
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    Thread.currentThread().interrupt();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> BulkRunner.builder().sleeper(d -> { }).build().run(List.of("a"), u -> u, u -> {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("planner interrupted");
        }
        return assign(u, () -> { });
      })).isInstanceOf(io.github.m365kit.M365KitException.class).hasMessage("bulk run interrupted")
          .hasCauseInstanceOf(InterruptedException.class);
    } finally {
      assertThat(Thread.interrupted()).as("the caller's interrupt status is kept").isTrue();
    }
  }

  @Test
  void limiter_aCallerAtTheLimitWaitsUntilASlotIsReleased() throws Exception {
    AdaptiveLimiter l = new AdaptiveLimiter(2, 2);
    l.acquire();
    l.acquire();
    assertThat(l.inFlight()).isEqualTo(2);
    java.util.concurrent.atomic.AtomicBoolean acquired = new java.util.concurrent.atomic.AtomicBoolean();
    Thread waiter = new Thread(() -> {
      try {
        l.acquire();
        acquired.set(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "waiter");
    waiter.setDaemon(true);
    waiter.start();
    // WAITING here means parked in acquire(): nothing else holds the limiter's lock
    while (waiter.isAlive() && waiter.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertThat(acquired).as("both slots are taken: a third caller waits").isFalse();
    l.release(); // a call that failed for another reason frees its slot too
    waiter.join(30_000); // a bound for a broken limiter only: a working one lets the waiter in at once
    assertThat(acquired).isTrue();
    assertThat(l.inFlight()).isEqualTo(2);
  }

  @Test
  void limiter_readingItsFiguresLeavesItUsableFromOtherThreads() throws Exception {
    AdaptiveLimiter l = new AdaptiveLimiter(2, 4);
    assertThat(l.limit()).isEqualTo(2);
    assertThat(l.peak()).isEqualTo(2);
    assertThat(l.throttles()).isZero();
    assertThat(l.inFlight()).isZero();
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "other");
      t.setDaemon(true);
      return t;
    });
    try {
      java.util.concurrent.Future<Integer> f = other.submit(() -> {
        l.acquire();
        l.releaseSuccess();
        return l.limit();
      });
      // a bound for a broken limiter only: a working one answers at once
      assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
    } finally {
      other.shutdownNow();
    }
  }
}
