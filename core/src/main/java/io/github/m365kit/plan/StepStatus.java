package io.github.m365kit.plan;

/** What happened to a step in a run. */
public enum StepStatus {
  /** Applied and verified in this run. */ APPLIED,
  /** The target state was already in place; nothing was changed. */ ALREADY_DONE,
  /** The journal records it as finished by an earlier run; it was not touched. */ DONE_EARLIER,
  /** It failed; the plan stopped here. */ FAILED,
  /** It was not reached (an earlier step failed, or a dry run). */ NOT_RUN,
  /** Dry run: it would be applied. */ WOULD_APPLY,
  /** Dry run: it is already in place and would be skipped. */ WOULD_SKIP
}
