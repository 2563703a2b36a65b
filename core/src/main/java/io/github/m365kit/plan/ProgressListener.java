package io.github.m365kit.plan;

import java.time.Duration;

/** Hears what a runner does. All methods default to doing nothing; implementations must be thread-safe for bulk runs. */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * @param planId the plan
   * @param step the step about to be checked and applied
   */
  default void stepStarted(String planId, Step step) {}

  /**
   * Called once for each step the runner reached: applied, already done, done earlier (journal) or failed. Steps after
   * a failure are not reached and not reported here; they appear as {@link StepStatus#NOT_RUN} in the {@link RunResult}.
   *
   * @param planId the plan
   * @param result what happened to the step
   */
  default void stepFinished(String planId, StepResult result) {}

  /**
   * @param planId the plan
   * @param stepId the step
   * @param attempt the attempt that failed
   * @param wait how long the runner waits before the next
   * @param cause the transient error
   */
  default void retrying(String planId, String stepId, int attempt, Duration wait, RuntimeException cause) {}

  /**
   * Called by the bulk runner after each target.
   *
   * @param finished targets finished so far
   * @param total all targets
   * @param outcome the target's outcome
   */
  default void targetFinished(int finished, int total, BulkOutcome outcome) {}
}
