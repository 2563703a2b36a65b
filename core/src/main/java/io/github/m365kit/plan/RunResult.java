package io.github.m365kit.plan;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of running (or dry-running) a plan.
 *
 * @param planId the plan
 * @param steps one result per step, in plan order
 * @param failure the error that stopped the plan, if any
 * @param dryRun whether nothing was changed on purpose
 */
public record RunResult(String planId, List<StepResult> steps, Optional<PlanFailedException> failure, boolean dryRun) {
  /** Copies. */
  public RunResult {
    steps = List.copyOf(steps);
  }

  /** @return true when every step is applied, already done or done earlier */
  public boolean succeeded() {
    return failure.isEmpty() && !dryRun;
  }

  /**
   * @param stepId a step
   * @return its result
   */
  public Optional<StepResult> step(String stepId) {
    return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
  }

  /**
   * @return this result when the plan succeeded
   * @throws PlanFailedException naming the failed step otherwise
   */
  public RunResult orThrow() {
    if (failure.isPresent()) {
      throw failure.get();
    }
    return this;
  }

  /** @return the ids of the steps applied in this run */
  public List<String> applied() {
    return steps.stream().filter(s -> s.status() == StepStatus.APPLIED).map(StepResult::stepId).toList();
  }
}
