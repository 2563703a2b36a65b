package io.github.m365kit.testkit;

import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.BulkReport;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link BulkReport}; failure messages show the target's outcome and the report's summary. */
public final class BulkReportAssert extends AbstractAssert<BulkReportAssert, BulkReport> {
  BulkReportAssert(BulkReport actual) {
    super(actual, BulkReportAssert.class);
  }

  private String outcomeOf(String target) {
    return actual.outcome(target).map(o -> o.status() + o.reason().map(r -> " (" + r + ")").orElse("")).orElse("not in the report");
  }

  private BulkReportAssert has(String target, BulkOutcome.Status status) {
    isNotNull();
    if (!actual.outcome(target).map(o -> o.status() == status).orElse(false)) {
      failWithMessage("expected target %s to be %s but it is %s; %s", target, status, outcomeOf(target), actual.summary());
    }
    return this;
  }

  /**
   * @param target a target
   * @return this, when that target failed
   */
  public BulkReportAssert hasFailed(String target) {
    return has(target, BulkOutcome.Status.FAILED);
  }

  /**
   * @param targets targets
   * @return this, when each of them had at least one step applied
   */
  public BulkReportAssert hasApplied(String... targets) {
    for (String t : targets) {
      has(t, BulkOutcome.Status.APPLIED);
    }
    return this;
  }

  /** @return this, when no target failed */
  public BulkReportAssert hasNoFailures() {
    isNotNull();
    List<BulkOutcome> failed = actual.failed();
    if (!failed.isEmpty()) {
      failWithMessage("expected no failures but %s: %s", actual.summary(),
          failed.stream().map(o -> o.target() + " (" + o.reason().orElse("?") + ")").collect(Collectors.joining(", ")));
    }
    return this;
  }
}
