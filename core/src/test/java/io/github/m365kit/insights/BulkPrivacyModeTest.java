package io.github.m365kit.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryInsightsStore;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.BulkRunner;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RetryPolicy;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkPrivacyModeTest {
  private InMemoryTenant tenant;
  private InMemoryInsightsStore store;
  private InsightsSettings insights;

  @BeforeEach
  void setUp() {
    tenant = InMemoryTenant.demo();
    store = new InMemoryInsightsStore(tenant.faults());
    insights = InsightsSettings.using(store, tenant);
  }

  @Test
  void plan_whenSecondWriteFails_resumesFromJournalWithoutRedoingTheFirst(@TempDir Path dir) {
    List<Upn> users = DemoCast.FINANCE;
    Plan plan = insights.privacyModePlan(users, PrivacyMode.OPT_OUT);
    Path file = dir.resolve("optout.jsonl");
    tenant.faults().permanentNth("setUserPrivacyMode", 2);

    RunResult first;
    try (Journal journal = Journal.jsonLines(file)) {
      first = PlanRunner.builder().journal(journal).retryPolicy(RetryPolicy.none()).build().run(plan);
    }

    assertThat(first.failure()).isPresent();
    assertThat(first.steps()).extracting(StepResult::status).containsExactly(StepStatus.APPLIED, StepStatus.FAILED, StepStatus.NOT_RUN);
    assertThat(store.userConfig(users.get(0)).privacyMode()).contains(PrivacyMode.OPT_OUT);
    assertThat(store.userConfig(users.get(1)).privacyMode()).isEmpty();
    assertThat(store.userConfig(users.get(2)).privacyMode()).isEmpty();

    RunResult second;
    try (Journal reopened = Journal.jsonLines(file)) {
      second = PlanRunner.builder().journal(reopened).retryPolicy(RetryPolicy.none()).build().run(plan);
    }

    second.orThrow();
    assertThat(second.steps()).extracting(StepResult::status).containsExactly(StepStatus.DONE_EARLIER, StepStatus.APPLIED, StepStatus.APPLIED);
    assertThat(tenant.faults().calls("setUserPrivacyMode")).isEqualTo(4);
    for (Upn u : users) {
      assertThat(insights.effective(u).privacyMode()).isEqualTo(new Setting<>(PrivacyMode.OPT_OUT, Setting.Source.USER));
    }
  }

  @Test
  void plan_dryRunAfterPartialRun_showsFinishedAndPendingWithoutWriting() {
    Plan plan = insights.privacyModePlan(DemoCast.FINANCE, PrivacyMode.OPT_OUT);
    store.setUserPrivacyMode(DemoCast.FINANCE.get(2), PrivacyMode.OPT_OUT);
    int writesBefore = tenant.faults().calls("setUserPrivacyMode");

    RunResult dry = PlanRunner.create().dryRun(plan);

    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.steps()).extracting(StepResult::status).containsExactly(StepStatus.WOULD_APPLY, StepStatus.WOULD_APPLY, StepStatus.WOULD_SKIP);
    assertThat(tenant.faults().calls("setUserPrivacyMode")).isEqualTo(writesBefore);
    assertThat(store.userConfig(DemoCast.FINANCE.get(0)).privacyMode()).isEmpty();
  }

  @Test
  void bulkRunner_retriesThrottlingAndOnRerunReportsAlreadyDone() {
    Journal journal = Journal.inMemory();
    BulkRunner runner = BulkRunner.builder().journal(journal).sleeper(d -> { }).concurrency(2, 4).build();
    tenant.faults().throttleNth("setUserPrivacyMode", 1, Duration.ofSeconds(5));

    BulkReport report = insights.runBulk(runner, DemoCast.EXTRAS, PrivacyMode.OPT_OUT);

    assertThat(report.count(BulkOutcome.Status.APPLIED)).isEqualTo(4);
    assertThat(report.throttleEvents()).isGreaterThanOrEqualTo(1);
    for (Upn u : DemoCast.EXTRAS) {
      assertThat(insights.effective(u).optedIn()).isFalse();
    }

    BulkReport again = insights.runBulk(runner, DemoCast.EXTRAS, PrivacyMode.OPT_OUT);
    assertThat(again.count(BulkOutcome.Status.ALREADY_DONE)).isEqualTo(4);
  }

  @Test
  void bulkRunner_whenOneUserFails_othersStillApplyAndRerunFinishesIt() {
    Journal journal = Journal.inMemory();
    BulkRunner runner = BulkRunner.builder().journal(journal).retryPolicy(RetryPolicy.none()).concurrency(1, 1).build();
    tenant.faults().permanentNth("setUserPrivacyMode", 2);

    BulkReport report = insights.runBulk(runner, DemoCast.LEGACY, PrivacyMode.OPT_OUT);

    assertThat(report.count(BulkOutcome.Status.FAILED)).isEqualTo(1);
    assertThat(report.count(BulkOutcome.Status.APPLIED)).isEqualTo(2);
    Upn failed = Upn.of(report.failed().get(0).target());
    assertThat(store.userConfig(failed).privacyMode()).isEmpty();

    BulkReport rerun = insights.runBulk(runner, DemoCast.LEGACY, PrivacyMode.OPT_OUT);
    assertThat(rerun.outcome(failed.value()).map(BulkOutcome::status)).isEqualTo(Optional.of(BulkOutcome.Status.APPLIED));
    assertThat(rerun.count(BulkOutcome.Status.ALREADY_DONE)).isEqualTo(2);
    assertThat(store.userConfig(failed).privacyMode()).contains(PrivacyMode.OPT_OUT);
  }
}
