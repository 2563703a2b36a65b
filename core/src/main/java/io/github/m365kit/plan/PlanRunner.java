package io.github.m365kit.plan;

import io.github.m365kit.M365KitException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Plan} step by step with a {@link Journal}: steps the journal records as finished are not touched,
 * steps whose target state is already in place are recorded as such, and every other step is guarded, applied and
 * verified. Transient errors are retried per the {@link RetryPolicy}, honouring Retry-After; a permanent error, a
 * refused guard or exhausted retries stop the plan at that step and are returned in {@link RunResult#failure()}.
 * Running the same plan again resumes where it stopped; once a plan has completed, running it again re-checks every
 * step (and repairs what changed since).
 *
 * <p>Immutable and thread-safe when its journal, sleeper and listener are; one runner may run many plans at once.
 *
 * <pre>{@code
 * RunResult r = PlanRunner.builder().journal(Journal.jsonLines(Path.of("run.jsonl"))).build().run(plan);
 * r.orThrow();
 * }</pre>
 */
public final class PlanRunner {
  private static final Logger log = LoggerFactory.getLogger(PlanRunner.class);
  private final Journal journal;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final ProgressListener listener;
  private final boolean rememberCompleted;

  private PlanRunner(Builder b) {
    this.rememberCompleted = b.rememberCompleted;
    this.journal = b.journal;
    this.retry = b.retry;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
  }

  /** @return a runner with an in-memory journal, default retries, real sleeping and no listener */
  public static PlanRunner create() {
    return builder().build();
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the journal */
  public Journal journal() {
    return journal;
  }

  /**
   * Shows what a run would do without changing anything: steps already finished or already in place are marked,
   * the rest would be applied. Only the steps' read-only checks are called.
   *
   * @param plan the plan
   * @return a dry-run result
   */
  public RunResult dryRun(Plan plan) {
    List<StepResult> results = new ArrayList<>();
    boolean earlierWouldApply = false;
    for (Step step : plan.steps()) {
      if (journal.isFinished(plan.id(), step.id())) {
        results.add(StepResult.of(step.id(), StepStatus.DONE_EARLIER, 0));
        continue;
      }
      StepStatus status;
      Optional<String> note = Optional.empty();
      try {
        status = step.isDone() ? StepStatus.WOULD_SKIP : StepStatus.WOULD_APPLY;
        // a guard reads today's state: it says something only for the first step that would change it
        if (status == StepStatus.WOULD_APPLY && !earlierWouldApply) {
          note = step.guard();
        }
        earlierWouldApply |= status == StepStatus.WOULD_APPLY;
      } catch (M365KitException e) {
        status = StepStatus.WOULD_APPLY;
        note = Optional.of(e.getMessage());
      }
      results.add(new StepResult(step.id(), status, 0, note.map(n -> "guard would refuse now: " + n)));
    }
    return new RunResult(plan.id(), results, Optional.empty(), true);
  }

  /**
   * Runs the plan.
   *
   * @param plan the plan
   * @return what happened; {@link RunResult#failure()} names the step that stopped the plan
   */
  public RunResult run(Plan plan) {
    Objects.requireNonNull(plan, "plan == null");
    List<StepResult> results = new ArrayList<>();
    PlanFailedException failure = null;
    for (Step step : plan.steps()) {
      if (failure != null) {
        results.add(StepResult.of(step.id(), StepStatus.NOT_RUN, 0));
        continue;
      }
      if (journal.isFinished(plan.id(), step.id())) {
        StepResult r = StepResult.of(step.id(), StepStatus.DONE_EARLIER, 0);
        results.add(r);
        listener.stepFinished(plan.id(), r);
        continue;
      }
      listener.stepStarted(plan.id(), step);
      StepResult r;
      try {
        r = runStep(plan.id(), step);
      } catch (PlanFailedException e) {
        failure = e;
        journal.record(plan.id(), step.id(), StepStatus.FAILED, e.getMessage());
        r = new StepResult(step.id(), StepStatus.FAILED, 0, Optional.of(e.getMessage()));
      }
      results.add(r);
      listener.stepFinished(plan.id(), r);
    }
    if (failure == null && !plan.isEmpty() && !rememberCompleted) {
      journal.record(plan.id(), "*", StepStatus.PLAN_COMPLETED, "");
    }
    return new RunResult(plan.id(), results, Optional.ofNullable(failure), false);
  }

  private StepResult runStep(String planId, Step step) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (step.isDone()) {
          journal.record(planId, step.id(), StepStatus.ALREADY_DONE, "");
          log.debug("Step already done [plan={}, step={}]", planId, step.id());
          return StepResult.of(step.id(), StepStatus.ALREADY_DONE, attempt - 1);
        }
        Optional<String> refusal = step.guard();
        if (refusal.isPresent()) {
          throw new PlanFailedException(planId, step.id(), "refused: " + refusal.get(), null);
        }
        step.apply();
        if (!step.verify()) {
          throw new TransientException("step '" + step.id() + "' was applied but does not read back yet", null);
        }
        journal.record(planId, step.id(), StepStatus.APPLIED, "");
        log.debug("Step applied [plan={}, step={}, attempts={}]", planId, step.id(), attempt);
        return StepResult.of(step.id(), StepStatus.APPLIED, attempt);
      } catch (PlanFailedException e) {
        throw e;
      } catch (M365KitException e) {
        if (!e.isTransient() || attempt >= retry.maxAttempts()) {
          String why = e.isTransient() ? "gave up after " + attempt + " attempts: " + e.getMessage() : e.getMessage();
          throw new PlanFailedException(planId, step.id(), why, e);
        }
        Duration retryAfter = e instanceof TransientException t ? t.retryAfter().orElse(null) : null;
        Duration wait = retry.delay(attempt, retryAfter);
        if (e instanceof ThrottledException) {
          log.warn("Throttled, retrying [plan={}, step={}, attempt={}, wait={}]", planId, step.id(), attempt, wait);
        } else {
          log.warn("Transient error, retrying [plan={}, step={}, attempt={}, wait={}, error={}]", planId, step.id(), attempt, wait, e.getMessage());
        }
        listener.retrying(planId, step.id(), attempt, wait, e);
        try {
          sleeper.sleep(wait);
        } catch (RuntimeException interrupted) {
          // an interrupted wait stops the plan at this step like any failure: journal line, resumable, named step
          throw new PlanFailedException(planId, step.id(), "stopped while waiting to retry: " + interrupted.getMessage(), interrupted);
        }
      } catch (RuntimeException e) {
        throw new PlanFailedException(planId, step.id(), "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Builds a {@link PlanRunner}. Not thread-safe. */
  public static final class Builder {
    private Journal journal = Journal.inMemory();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private ProgressListener listener = ProgressListener.NONE;
    private boolean rememberCompleted;

    private Builder() {}

    /**
     * Keeps the finished steps of completed plans in the journal, so that running a completed plan again touches
     * nothing. The bulk runner uses this: a rollout journal then resumes a rollout without re-reading finished
     * targets. Use a fresh journal for each new rollout. Default: false (a completed plan is re-checked on its next run).
     *
     * @param remember whether to remember completed plans
     * @return this
     */
    public Builder rememberCompletedPlans(boolean remember) {
      this.rememberCompleted = remember;
      return this;
    }

    /**
     * @param journal where finished steps are recorded
     * @return this
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /**
     * @param retry the retry policy
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
     * @param listener who hears about progress
     * @return this
     */
    public Builder listener(ProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** @return the runner */
    public PlanRunner build() {
      return new PlanRunner(this);
    }
  }
}
