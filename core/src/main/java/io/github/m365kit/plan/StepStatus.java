package io.github.m365kit.plan;

/** What happened to a step in a run. */
public enum StepStatus {
  /** Applied and verified in this run. */ APPLIED,
  /** The target state was already in place; nothing was changed. */ ALREADY_DONE,
  /** The journal records it as finished by an earlier run; it was not touched. */ DONE_EARLIER,
  /** It failed; the plan stopped here. */ FAILED,
  /** It was not reached (an earlier step failed, or a dry run). */ NOT_RUN,
  /** Dry run: it would be applied. */ WOULD_APPLY,
  /** Dry run: it is already in place and would be skipped. */ WOULD_SKIP,
  /**
   * Journal only: the whole plan finished. The journal forgets the plan's finished steps, so the next run of the same
   * plan checks every step again (and repairs anything changed since) instead of trusting an old run.
   */ PLAN_COMPLETED
}
