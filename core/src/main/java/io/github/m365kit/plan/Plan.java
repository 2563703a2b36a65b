package io.github.m365kit.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of {@link Step}s with a stable id (the journal key) and a title. Build it, show it
 * ({@link PlanRenderer}), then run it ({@link PlanRunner}). A plan with no steps means "nothing to do", and its
 * {@link #notes()} say why. Immutable.
 *
 * @param id stable id, e.g. {@code mailbox-to-shared:jane.doe@contoso.com}
 * @param title one line for an admin
 * @param steps the steps in order
 * @param notes findings and explanations shown with the plan
 */
public record Plan(String id, String title, List<Step> steps, List<String> notes) {
  /** Validates and copies. */
  public Plan {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(title, "title == null");
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
    Set<String> seen = new HashSet<>();
    for (Step s : steps) {
      if (!seen.add(s.id())) {
        throw new IllegalArgumentException("duplicate step id in plan " + id + ": " + s.id());
      }
    }
  }

  /** @return the step ids in order */
  public List<String> stepIds() {
    return steps.stream().map(Step::id).toList();
  }

  /** @return true when there is nothing to do */
  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
