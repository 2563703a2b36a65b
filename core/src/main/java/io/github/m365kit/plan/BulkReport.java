package io.github.m365kit.plan;

import java.util.List;
import java.util.Optional;

/**
 * The per-target report of a bulk run, in the order the targets were given.
 *
 * @param outcomes one outcome per target
 * @param peakConcurrency the highest concurrency the adaptive limiter allowed
 * @param throttleEvents how many throttling responses the run met
 */
public record BulkReport(List<BulkOutcome> outcomes, int peakConcurrency, int throttleEvents) {
  /** Copies. */
  public BulkReport {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * @param status a status
   * @return how many targets ended with it
   */
  public long count(BulkOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  /** @return the failed targets */
  public List<BulkOutcome> failed() {
    return outcomes.stream().filter(o -> o.status() == BulkOutcome.Status.FAILED).toList();
  }

  /**
   * @param target a target
   * @return its outcome
   */
  public Optional<BulkOutcome> outcome(String target) {
    return outcomes.stream().filter(o -> o.target().equals(target)).findFirst();
  }

  /** @return a one-line summary */
  public String summary() {
    return String.format("%d targets: %d applied, %d already done, %d failed", outcomes.size(),
        count(BulkOutcome.Status.APPLIED), count(BulkOutcome.Status.ALREADY_DONE), count(BulkOutcome.Status.FAILED));
  }
}
