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

}
