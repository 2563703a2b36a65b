package io.github.m365kit.testkit;

import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a plan's {@link RunResult}; failure messages show every step's status and the failure. */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {
  RunResultAssert(RunResult actual) {
    super(actual, RunResultAssert.class);
  }

  private String state() {
    String steps = actual.steps().stream().map(s -> s.stepId() + "=" + s.status() + (s.attempts() > 1 ? " after " + s.attempts() + " attempts" : ""))
        .collect(Collectors.joining(", ", "[", "]"));
    return steps + actual.failure().map(f -> ", failure: " + f.getMessage()).orElse("") + (actual.dryRun() ? ", dry run" : "");
  }

  /** @return this, when the run changed what it had to and nothing failed */
  public RunResultAssert succeeded() {
    isNotNull();
    if (!actual.succeeded()) {
      failWithMessage("expected plan %s to succeed but %s", actual.planId(), state());
    }
    return this;
  }

  /**
   * @param stepId the step that should have stopped the plan
   * @return this, when the run failed at that step
   */
  public RunResultAssert failedAt(String stepId) {
    isNotNull();
    boolean failedThere = actual.failure().isPresent() && actual.step(stepId).map(s -> s.status() == StepStatus.FAILED).orElse(false);
    if (!failedThere) {
      failWithMessage("expected plan %s to fail at step %s but %s", actual.planId(), stepId, state());
    }
    return this;
  }

  /**
   * @param stepIds the steps expected to be applied in this run, all of them, in order
   * @return this, when exactly these steps were applied
   */
  public RunResultAssert applied(String... stepIds) {
    isNotNull();
    if (!actual.applied().equals(List.of(stepIds))) {
      failWithMessage("expected plan %s to apply %s but it applied %s: %s", actual.planId(), List.of(stepIds), actual.applied(), state());
    }
    return this;
  }

  /**
   * @param stepId a step
   * @param attempts how many times its apply ran
   * @return this, when the step took that many attempts (retries show up here)
   */
  public RunResultAssert tookAttempts(String stepId, int attempts) {
    isNotNull();
    int actualAttempts = actual.step(stepId).map(StepResult::attempts).orElse(-1);
    if (actualAttempts != attempts) {
      failWithMessage("expected step %s of plan %s to take %s attempts but %s", stepId, actual.planId(), attempts, state());
    }
    return this;
  }
}
