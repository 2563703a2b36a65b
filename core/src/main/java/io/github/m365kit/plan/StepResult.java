package io.github.m365kit.plan;

import java.util.Optional;

/**
 * The outcome of one step.
 *
 * @param stepId the step
 * @param status what happened
 * @param attempts how many times apply was tried (0 when not applied)
 * @param message the failure reason or a note, if any
 */
public record StepResult(String stepId, StepStatus status, int attempts, Optional<String> message) {
  static StepResult of(String stepId, StepStatus status, int attempts) {
    return new StepResult(stepId, status, attempts, Optional.empty());
  }
}
