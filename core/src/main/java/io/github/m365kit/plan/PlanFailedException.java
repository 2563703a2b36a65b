package io.github.m365kit.plan;

import io.github.m365kit.M365KitException;
import java.util.Optional;

/**
 * A plan stopped at a step: a permanent error, a transient error whose retries ran out, a refused guard, or a
 * verification that did not read back. Steps before it stay applied (and journaled); fix the cause and run the
 * same plan again to resume.
 */
public class PlanFailedException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final String planId;
  private final String stepId;

  /**
   * @param planId the plan
   * @param stepId the step that failed
   * @param message why
   * @param cause the underlying error, may be null
   */
  public PlanFailedException(String planId, String stepId, String message, Throwable cause) {
    super("plan " + planId + " stopped at step '" + stepId + "': " + message, cause);
    this.planId = planId;
    this.stepId = stepId;
  }

  /** @return the plan */
  public String planId() {
    return planId;
  }

  /** @return the step that failed */
  public String stepId() {
    return stepId;
  }

  /** @return the m365kit error that caused the failure, if it was one */
  public Optional<M365KitException> reason() {
    return getCause() instanceof M365KitException m ? Optional.of(m) : Optional.empty();
  }

  @Override
  public boolean isTransient() {
    return getCause() instanceof M365KitException m && m.isTransient();
  }
}
