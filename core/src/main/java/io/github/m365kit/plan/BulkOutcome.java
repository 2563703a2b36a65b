package io.github.m365kit.plan;

import java.util.Optional;

/**
 * What a bulk run did for one target.
 *
 * @param target the target, e.g. a user principal name
 * @param status applied, already done or failed
 * @param reason why it failed, if it did
 * @param result the plan's run result, absent when the plan could not even be built
 */
public record BulkOutcome(String target, Status status, Optional<String> reason, Optional<RunResult> result) {
  /** The outcome of one target. */
  public enum Status {
    /** At least one step was applied in this run. */ APPLIED,
    /** Everything was already in place (or finished by an earlier run). */ ALREADY_DONE,
    /** The target's plan failed or could not be built. */ FAILED
  }
}
