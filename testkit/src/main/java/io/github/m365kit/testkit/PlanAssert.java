package io.github.m365kit.testkit;

import io.github.m365kit.plan.Plan;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Plan}; failure messages list the plan's steps and notes. */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {
  PlanAssert(Plan actual) {
    super(actual, PlanAssert.class);
  }

  /**
   * @param stepIds the expected step ids, all of them, in order
   * @return this, when the plan has exactly these steps in this order
   */
  public PlanAssert hasStepsInOrder(String... stepIds) {
    isNotNull();
    if (!actual.stepIds().equals(List.of(stepIds))) {
      failWithMessage("expected plan %s to have steps %s but has %s (notes %s)", actual.id(), List.of(stepIds), actual.stepIds(), actual.notes());
    }
    return this;
  }

  /** @return this, when the plan has no steps (nothing to do) */
  public PlanAssert isEmpty() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage("expected plan %s to be empty but has steps %s", actual.id(), actual.stepIds());
    }
    return this;
  }
}
