package io.github.m365kit.plan;

import io.github.m365kit.ThrottledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one plan per target (a policy rollout to every user) with bounded concurrency that adapts to throttling, a
 * shared journal for resume, a progress listener and a per-target report. A target whose plan fails does not stop
 * the others. Running the same targets again with the same journal re-applies nothing that finished and does not even
 * re-read finished targets: the journal of a bulk run remembers completed plans (use a fresh journal for a new rollout).
 *
 * <p>Thread-safe; each {@link #run} uses its own worker threads and shuts them down before returning.
 */
public final class BulkRunner {
  private final Journal journal;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final ProgressListener listener;
  private final int initialConcurrency;
  private final int maxConcurrency;

  private BulkRunner(Builder b) {
    this.journal = b.journal;
    this.retry = b.retry;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
    this.initialConcurrency = b.initialConcurrency;
    this.maxConcurrency = b.maxConcurrency;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs a plan for each target.
   *
   * @param targets the targets, in report order
   * @param name how a target is named in the report
   * @param planner builds the target's plan; an exception here fails only that target
   * @param <T> the target type
   * @return the report
   */
  public <T> BulkReport run(List<T> targets, Function<T, String> name, Function<T, Plan> planner) {
    return run(targets, name, planner, new AdaptiveLimiter(initialConcurrency, maxConcurrency));
  }

  /** {@link #run(List, Function, Function)} with a given limiter, so that tests can look at its slots. */
  <T> BulkReport run(List<T> targets, Function<T, String> name, Function<T, Plan> planner, AdaptiveLimiter limiter) {
    AtomicInteger finished = new AtomicInteger();
    int total = targets.size();
    ProgressListener throttleAware = new ProgressListener() {
      @Override
      public void stepStarted(String planId, Step step) {
        listener.stepStarted(planId, step);
      }

      @Override
      public void stepFinished(String planId, StepResult result) {
        listener.stepFinished(planId, result);
      }

      @Override
      public void retrying(String planId, String stepId, int attempt, Duration wait, RuntimeException cause) {
        if (cause instanceof ThrottledException) {
          limiter.throttled();
        }
        listener.retrying(planId, stepId, attempt, wait, cause);
      }
    };
    // a worker waiting out a Retry-After gives its slot back, so the limit gates attempts, not targets
    Sleeper slotFreeingSleeper = d -> {
      limiter.release();
      try {
        sleeper.sleep(d);
      } finally {
        try {
          limiter.acquire();
        } catch (InterruptedException e) {
          // the worker stops now; it takes a slot without waiting so that its final release stays balanced
          limiter.reclaim();
          Thread.currentThread().interrupt();
          throw new io.github.m365kit.M365KitException("bulk run interrupted", e);
        }
      }
    };
    PlanRunner runner = PlanRunner.builder().journal(journal).retryPolicy(retry).sleeper(slotFreeingSleeper).listener(throttleAware).rememberCompletedPlans(true).build();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(maxConcurrency, Math.max(1, total))), r -> {
      Thread t = new Thread(r, "m365kit-bulk");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<BulkOutcome>> futures = new ArrayList<>(total);
      for (T target : targets) {
        futures.add(pool.submit(() -> {
          limiter.acquire();
          boolean throttledOut = false;
          BulkOutcome outcome;
          try {
            outcome = runOne(runner, name.apply(target), () -> planner.apply(target));
            throttledOut = outcome.result().flatMap(RunResult::failure).map(f -> f.getCause() instanceof ThrottledException).orElse(false);
          } finally {
            if (throttledOut) {
              limiter.throttled();
              limiter.release();
            } else {
              limiter.releaseSuccess();
            }
          }
          listener.targetFinished(finished.incrementAndGet(), total, outcome);
          return outcome;
        }));
      }
      List<BulkOutcome> outcomes = new ArrayList<>(total);
      for (Future<BulkOutcome> f : futures) {
        outcomes.add(f.get());
      }
      return new BulkReport(outcomes, limiter.peak(), limiter.throttles());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.github.m365kit.M365KitException("bulk run interrupted", e);
    } catch (ExecutionException e) {
      throw new io.github.m365kit.M365KitException("bulk run failed: " + e.getCause(), e.getCause());
    } finally {
      // a worker must never outlive run(): after a crash or an interrupt, a straggler would apply a step concurrently
      // with the caller's rerun (the fault matrix caught exactly that)
      pool.shutdownNow();
      try {
        if (!pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)) {
          throw new io.github.m365kit.M365KitException("bulk run: workers did not stop within 5 minutes");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static BulkOutcome runOne(PlanRunner runner, String target, java.util.function.Supplier<Plan> planner) {
    Plan plan;
    try {
      plan = planner.get();
    } catch (RuntimeException e) {
      return new BulkOutcome(target, BulkOutcome.Status.FAILED, Optional.of(e.getMessage()), Optional.empty());
    }
    RunResult r = runner.run(plan);
    if (r.failure().isPresent()) {
      return new BulkOutcome(target, BulkOutcome.Status.FAILED, Optional.of(r.failure().get().getMessage()), Optional.of(r));
    }
    BulkOutcome.Status s = r.applied().isEmpty() ? BulkOutcome.Status.ALREADY_DONE : BulkOutcome.Status.APPLIED;
    return new BulkOutcome(target, s, Optional.empty(), Optional.of(r));
  }

  /** Builds a {@link BulkRunner}. Not thread-safe. */
  public static final class Builder {
    private Journal journal = Journal.inMemory();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private ProgressListener listener = ProgressListener.NONE;
    private int initialConcurrency = 4;
    private int maxConcurrency = 32;

    private Builder() {}

    /**
     * @param journal the shared journal
     * @return this
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /**
     * @param retry per-step retry policy
     * @return this
     */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry == null");
      return this;
    }

    /**
     * @param sleeper how to wait between retries
     * @return this
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @param listener progress listener; must be thread-safe
     * @return this
     */
    public Builder listener(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * @param initial starting concurrency
     * @param max highest concurrency
     * @return this
     */
    public Builder concurrency(int initial, int max) {
      if (initial < 1 || max < initial) {
        throw new IllegalArgumentException("need 1 <= initial <= max, got " + initial + ", " + max);
      }
      this.initialConcurrency = initial;
      this.maxConcurrency = max;
      return this;
    }

    /** @return the runner */
    public BulkRunner build() {
      return new BulkRunner(this);
    }
  }
}
