package io.github.m365kit.mailbox;

import io.github.m365kit.plan.ProgressListener;
import io.github.m365kit.plan.StepResult;

/** Checks the fixture's invariant after every step, and can crash the run (an Error) after the n-th step. */
final class InvariantListener implements ProgressListener {
  private final Fixture f;
  private final int crashAfter;
  private int finished;

  InvariantListener(Fixture f) {
    this(f, Integer.MAX_VALUE);
  }

  InvariantListener(Fixture f, int crashAfter) {
    this.f = f;
    this.crashAfter = crashAfter;
  }

  @Override
  public void stepFinished(String planId, StepResult result) {
    f.assertInvariant();
    if (++finished == crashAfter) {
      throw new Crash("simulated crash after step " + finished + " (" + result.stepId() + ")");
    }
  }

  /** The simulated process death. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }
}
