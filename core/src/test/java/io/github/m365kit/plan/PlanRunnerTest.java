package io.github.m365kit.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.m365kit.BackendException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import io.github.m365kit.memory.SimulatedClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRunnerTest {
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-28T09:00:00Z"));

  /** A tiny stateful system: named switches, each step turns one on; applies are counted. */
  static final class Switches {
    final Map<String, Boolean> state = new LinkedHashMap<>();
    final Map<String, Integer> applies = new LinkedHashMap<>();
    final List<RuntimeException> faults = new ArrayList<>();
    String failOn;

    Plan plan(String... names) {
      List<Step> steps = new ArrayList<>();
      for (String n : names) {
        steps.add(Step.builder().id(n).description("turn on " + n)
            .powershell(PowerShell.command("Set-Switch").param("Identity", n))
            .isDone(() -> state.getOrDefault(n, false))
            .apply(() -> {
              if (n.equals(failOn) && !faults.isEmpty()) {
                throw faults.remove(0);
              }
              applies.merge(n, 1, Integer::sum);
              state.put(n, true);
            })
            .build());
      }
      return new Plan("switches", "Turn switches on", steps, List.of());
    }
  }

  private PlanRunner runner(Journal journal) {
    return PlanRunner.builder().journal(journal).sleeper(clock.sleeper()).retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30))).build();
  }

  @Test
  void run_whenTheWaitBeforeARetryIsInterrupted_stopsAtThatStepWithAJournalLineAndResumesThere() throws Exception {
    Switches s = new Switches();
    s.failOn = "b";
    s.faults.add(new TransientException("503", null));
    Journal journal = Journal.inMemory();
    Thread.currentThread().interrupt(); // the real sleeper sees the interrupt at once
    RunResult first;
    try {
      first = PlanRunner.builder().journal(journal).sleeper(Sleeper.system()).build().run(s.plan("a", "b", "c"));
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }
    assertThat(first.failure()).get().extracting(PlanFailedException::stepId).isEqualTo("b");
    assertThat(first.failure().get().getMessage()).isEqualTo(
        "plan switches stopped at step 'b': stopped while waiting to retry: interrupted while waiting to retry");
    assertThat(first.steps()).extracting(StepResult::stepId, StepResult::status)
        .containsExactly(tuple("a", StepStatus.APPLIED), tuple("b", StepStatus.FAILED), tuple("c", StepStatus.NOT_RUN));
    assertThat(journal.entries()).extracting(Journal.Entry::step, Journal.Entry::status)
        .containsExactly(tuple("a", StepStatus.APPLIED), tuple("b", StepStatus.FAILED));

    RunResult second = runner(journal).run(s.plan("a", "b", "c"));
    assertThat(second.steps()).extracting(StepResult::status)
        .containsExactly(StepStatus.DONE_EARLIER, StepStatus.APPLIED, StepStatus.APPLIED);
    assertThat(s.applies).containsExactly(Map.entry("a", 1), Map.entry("b", 1), Map.entry("c", 1));
  }

  @Test
  void run_whenPermanentFailureAtEveryStep_rerunConvergesAndAppliesEachStepOnce() {
    String[] names = {"a", "b", "c", "d"};
    for (String failing : names) {
      Switches s = new Switches();
      s.failOn = failing;
      s.faults.add(new BackendException("test", "x", "boom at " + failing, null));
      Journal journal = Journal.inMemory();
      RunResult first = runner(journal).run(s.plan(names));
      assertThat(first.succeeded()).isFalse();
      assertThat(first.failure()).get().extracting(PlanFailedException::stepId).isEqualTo(failing);
      assertThat(first.failure().get().getMessage()).contains("step '" + failing + "'").contains("boom at " + failing);
      // steps after the failure were not touched
      int idx = List.of(names).indexOf(failing);
      for (int i = idx + 1; i < names.length; i++) {
        assertThat(first.steps().get(i).status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(s.state).doesNotContainKey(names[i]);
      }
      RunResult second = runner(journal).run(s.plan(names));
      assertThat(second.succeeded()).isTrue();
      assertThat(s.state.values()).containsOnly(true).hasSize(names.length);
      assertThat(s.applies.values()).containsOnly(1);
      for (int i = 0; i < idx; i++) {
        assertThat(second.steps().get(i).status()).isEqualTo(StepStatus.DONE_EARLIER);
      }
    }
  }

  @Test
  void run_whenCrashAfterApplyBeforeJournal_rerunSeesItAlreadyDone() {
    Switches s = new Switches();
    Journal journal = Journal.inMemory();
    // a "crash": state changed but the journal never heard of it
    s.state.put("a", true);
    RunResult r = runner(journal).run(s.plan("a", "b"));
    assertThat(r.step("a")).get().extracting(StepResult::status).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(s.applies).doesNotContainKey("a");
    assertThat(s.applies.get("b")).isEqualTo(1);
  }

  @Test
  void run_whenThrottledWithRetryAfter_waitsThatLongOnTheClockAndSucceeds() {
    Switches s = new Switches();
    s.failOn = "a";
    s.faults.add(new ThrottledException("429", Duration.ofSeconds(37)));
    s.faults.add(new TransientException("503", null));
    Instant before = clock.instant();
    List<Duration> waits = new ArrayList<>();
    PlanRunner r = PlanRunner.builder().sleeper(clock.sleeper()).retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)))
        .listener(new ProgressListener() {
          @Override
          public void retrying(String planId, String stepId, int attempt, Duration wait, RuntimeException cause) {
            waits.add(wait);
          }
        }).build();
    RunResult result = r.run(s.plan("a"));
    assertThat(result.succeeded()).isTrue();
    assertThat(result.step("a").get().attempts()).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(37), Duration.ofSeconds(2));
    assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(39));
  }

  @Test
  void run_whenTransientNeverClears_stopsAfterMaxAttemptsNamingTheStep() {
    Switches s = new Switches();
    s.failOn = "b";
    for (int i = 0; i < 10; i++) {
      s.faults.add(new TransientException("503", null));
    }
    RunResult r = runner(Journal.inMemory()).run(s.plan("a", "b"));
    assertThat(r.failure()).get().satisfies(f -> {
      assertThat(f.stepId()).isEqualTo("b");
      assertThat(f.getMessage()).contains("gave up after 4 attempts");
      assertThat(f.isTransient()).isTrue();
    });
    assertThat(s.faults).hasSize(6);
  }

  @Test
  void run_whenGuardRefuses_stopsWithoutApplying() {
    AtomicInteger applied = new AtomicInteger();
    Step guarded = Step.builder().id("remove-licenses").description("remove").isDone(() -> false).apply(applied::incrementAndGet)
        .guard(() -> Optional.of("the mailbox does not read back as shared")).build();
    RunResult r = runner(Journal.inMemory()).run(new Plan("p", "t", List.of(guarded), List.of()));
    assertThat(applied).hasValue(0);
    assertThat(r.failure().get().getMessage()).isEqualTo("plan p stopped at step 'remove-licenses': refused: the mailbox does not read back as shared");
    assertThat(r.failure().get().reason()).isEmpty();
    assertThat(r.failure().get().isTransient()).isFalse();
  }

  @Test
  void run_whenVerifyNeverReadsBack_failsTransientlyThenStops() {
    Step never = Step.builder().id("x").description("x").isDone(() -> false).apply(() -> {}).verify(() -> false).build();
    RunResult r = runner(Journal.inMemory()).run(new Plan("p", "t", List.of(never), List.of()));
    assertThat(r.failure().get().getMessage()).contains("does not read back");
  }

  @Test
  void dryRun_changesNothingAndMarksWhatWouldBeSkipped() {
    Switches s = new Switches();
    s.state.put("b", true);
    Map<String, Boolean> before = new LinkedHashMap<>(s.state);
    RunResult r = runner(Journal.inMemory()).dryRun(s.plan("a", "b"));
    assertThat(r.dryRun()).isTrue();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.steps()).extracting(StepResult::status).containsExactly(StepStatus.WOULD_APPLY, StepStatus.WOULD_SKIP);
    assertThat(s.state).isEqualTo(before);
    assertThat(s.applies).isEmpty();
  }

  @Test
  void jsonLinesJournal_survivesTheProcessAndIgnoresATornLastLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("journal.jsonl");
    Switches s = new Switches();
    s.failOn = "b";
    s.faults.add(new BackendException("t", "x", "boom", null));
    try (Journal j = Journal.jsonLines(file, clock)) {
      runner(j).run(s.plan("a", "b"));
    }
    Files.writeString(file, Files.readString(file) + "{\"plan\":\"switches\",\"st", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    Switches fresh = new Switches();
    fresh.state.putAll(s.state);
    try (Journal j = Journal.jsonLines(file, clock)) {
      assertThat(j.isFinished("switches", "a")).isTrue();
      assertThat(j.isFinished("switches", "b")).isFalse();
      RunResult r = runner(j).run(fresh.plan("a", "b"));
      assertThat(r.steps()).extracting(StepResult::status).containsExactly(StepStatus.DONE_EARLIER, StepStatus.APPLIED);
    }
    assertThat(Files.readAllLines(file).get(0)).contains("\"status\":\"APPLIED\"").contains("\"step\":\"a\"");
  }

  @Test
  void jsonLinesJournal_whenAMiddleLineIsGarbage_refusesToGuess(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("j.jsonl");
    Files.writeString(file, "not json\n{\"plan\":\"p\",\"step\":\"s\",\"status\":\"APPLIED\"}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Journal.jsonLines(file))
        .isInstanceOf(io.github.m365kit.InvalidInputException.class).hasMessageContaining("journal line 1");
  }

  @Test
  void run_afterAPlanCompleted_rechecksEveryStepAndRepairsDrift() {
    Switches s = new Switches();
    Journal journal = Journal.inMemory();
    assertThat(runner(journal).run(s.plan("a", "b")).succeeded()).isTrue();
    s.state.put("b", false); // drift after the plan completed (e.g. a directory sync reverted it)
    RunResult again = runner(journal).run(s.plan("a", "b"));
    assertThat(again.steps()).extracting(StepResult::status).containsExactly(StepStatus.ALREADY_DONE, StepStatus.APPLIED);
    assertThat(s.applies).containsEntry("a", 1).containsEntry("b", 2);
    assertThat(journal.entries()).extracting(Journal.Entry::status).contains(StepStatus.PLAN_COMPLETED);
    // a runner that remembers completed plans (the bulk runner's mode) does not look again
    Journal remembering = Journal.inMemory();
    PlanRunner r = PlanRunner.builder().journal(remembering).sleeper(clock.sleeper()).rememberCompletedPlans(true).build();
    r.run(s.plan("c"));
    s.state.put("c", false);
    assertThat(r.run(s.plan("c")).steps()).extracting(StepResult::status).containsExactly(StepStatus.DONE_EARLIER);
  }

  @Test
  void retryPolicy_backoffDoublesAndCapsButHonoursLongerRetryAfter() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(8));
    assertThat(p.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delay(3, null)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.delay(9, null)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.delay(1, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(120));
    assertThat(p.delay(3, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void journal_isTheOneTheRunnerWasBuiltWith() {
    Journal journal = Journal.inMemory();
    assertThat(runner(journal).journal()).isSameAs(journal);
  }

  @Test
  void run_recordsEachStepInTheJournalAndCompletesThePlanOnlyWhenEveryStepFinished() {
    Switches s = new Switches();
    s.state.put("a", true);
    s.failOn = "b";
    s.faults.add(new BackendException("test", "x", "boom", null));
    Journal journal = Journal.inMemory();
    RunResult first = runner(journal).run(s.plan("a", "b", "c"));
    assertThat(first.steps()).extracting(StepResult::stepId, StepResult::status, StepResult::attempts).containsExactly(
        tuple("a", StepStatus.ALREADY_DONE, 0), tuple("b", StepStatus.FAILED, 0), tuple("c", StepStatus.NOT_RUN, 0));
    assertThat(first.step("b")).get().extracting(StepResult::message).isEqualTo(Optional.of("plan switches stopped at step 'b': boom"));
    assertThat(journal.entries()).extracting(Journal.Entry::plan, Journal.Entry::step, Journal.Entry::status, Journal.Entry::message).containsExactly(
        tuple("switches", "a", StepStatus.ALREADY_DONE, ""),
        tuple("switches", "b", StepStatus.FAILED, "plan switches stopped at step 'b': boom"));
    assertThat(journal.finishedSteps("switches")).containsExactly("a");
    assertThatThrownBy(first::orThrow).isSameAs(first.failure().get());
    PlanFailedException failure = first.failure().get();
    assertThat(failure.planId()).isEqualTo("switches");
    assertThat(failure.stepId()).isEqualTo("b");
    assertThat(failure.reason()).get().extracting(Throwable::getMessage).isEqualTo("boom");
    assertThat(failure.isTransient()).as("a permanent cause: retrying the plan as is will not help").isFalse();

    RunResult second = runner(journal).run(s.plan("a", "b", "c"));
    assertThat(second.steps()).extracting(StepResult::stepId, StepResult::status, StepResult::attempts).containsExactly(
        tuple("a", StepStatus.DONE_EARLIER, 0), tuple("b", StepStatus.APPLIED, 1), tuple("c", StepStatus.APPLIED, 1));
    assertThat(second.applied()).containsExactly("b", "c");
    assertThat(second.orThrow()).isSameAs(second);
    assertThat(journal.entries().subList(2, 5)).extracting(Journal.Entry::step, Journal.Entry::status).containsExactly(
        tuple("b", StepStatus.APPLIED), tuple("c", StepStatus.APPLIED), tuple("*", StepStatus.PLAN_COMPLETED));
    assertThat(journal.finishedSteps("switches")).isEmpty();
  }

  @Test
  void run_whenAnAttemptFailedAfterTheChangeTookEffect_theRetryFindsItDoneAndCountsThatOneAttempt() {
    // the service applied the change but the response was lost (a 503 after the write)
    Map<String, Boolean> state = new LinkedHashMap<>();
    List<Duration> waits = new ArrayList<>();
    Step step = Step.builder().id("set-type").description("set type").isDone(() -> state.containsKey("type"))
        .apply(() -> {
          state.put("type", true);
          throw new TransientException("503 after the write", null);
        }).build();
    Journal journal = Journal.inMemory();
    RunResult r = PlanRunner.builder().journal(journal).sleeper(waits::add)
        .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30))).build()
        .run(new Plan("p", "t", List.of(step), List.of()));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.steps()).containsExactly(new StepResult("set-type", StepStatus.ALREADY_DONE, 1, Optional.empty()));
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(journal.entries()).extracting(Journal.Entry::step, Journal.Entry::status)
        .containsExactly(tuple("set-type", StepStatus.ALREADY_DONE), tuple("*", StepStatus.PLAN_COMPLETED));
  }

  @Test
  void run_tellsTheListenerAboutEveryStepInOrder() {
    Switches s = new Switches();
    s.failOn = "c";
    s.faults.add(new TransientException("503", null));
    s.faults.add(new BackendException("test", "x", "boom", null));
    Journal journal = Journal.inMemory();
    journal.record("switches", "a", StepStatus.APPLIED, "");
    s.state.put("b", true);
    List<String> events = new ArrayList<>();
    PlanRunner r = PlanRunner.builder().journal(journal).sleeper(d -> events.add("sleep " + d))
        .retryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30))).listener(new ProgressListener() {
          @Override
          public void stepStarted(String planId, Step step) {
            events.add("started " + planId + " " + step.id());
          }

          @Override
          public void stepFinished(String planId, StepResult result) {
            events.add("finished " + planId + " " + result.stepId() + " " + result.status());
          }

          @Override
          public void retrying(String planId, String stepId, int attempt, Duration wait, RuntimeException cause) {
            events.add("retrying " + stepId + " after attempt " + attempt + " in " + wait + ": " + cause.getMessage());
          }
        }).build();
    r.run(s.plan("a", "b", "c", "d"));
    assertThat(events).containsExactly(
        "finished switches a DONE_EARLIER",
        "started switches b",
        "finished switches b ALREADY_DONE",
        "started switches c",
        "retrying c after attempt 1 in PT1S: 503",
        "sleep PT1S",
        "finished switches c FAILED");
    // d was never reached: the listener hears nothing about it
  }

  @Test
  void dryRun_asksOnlyTheFirstStepThatWouldChangeSomethingForItsGuard() {
    List<String> guardsAsked = new ArrayList<>();
    java.util.function.Function<String, Step> refusing = id -> Step.builder().id(id).description(id).isDone(() -> false).apply(() -> {})
        .guard(() -> {
          guardsAsked.add(id);
          return Optional.of("no licence for " + id);
        }).build();
    Step done = Step.builder().id("done").description("done").isDone(() -> true).apply(() -> {}).guard(() -> {
      guardsAsked.add("done");
      return Optional.of("never asked");
    }).build();
    Step broken = Step.builder().id("broken").description("broken").isDone(() -> {
      throw new BackendException("test", "x", "cannot read", null);
    }).apply(() -> {}).build();
    Journal journal = Journal.inMemory();
    journal.record("p", "earlier", StepStatus.APPLIED, "");
    Step earlier = refusing.apply("earlier");
    Plan plan = new Plan("p", "t", List.of(earlier, done, refusing.apply("first"), refusing.apply("second"), broken), List.of());
    RunResult r = runner(journal).dryRun(plan);
    assertThat(r.steps()).containsExactly(
        new StepResult("earlier", StepStatus.DONE_EARLIER, 0, Optional.empty()),
        new StepResult("done", StepStatus.WOULD_SKIP, 0, Optional.empty()),
        new StepResult("first", StepStatus.WOULD_APPLY, 0, Optional.of("guard would refuse now: no licence for first")),
        new StepResult("second", StepStatus.WOULD_APPLY, 0, Optional.empty()),
        new StepResult("broken", StepStatus.WOULD_APPLY, 0, Optional.of("guard would refuse now: cannot read")));
    assertThat(guardsAsked).containsExactly("first");
    assertThat(r.failure()).isEmpty();
    assertThat(journal.entries()).hasSize(1);
  }

  @Test
  void runResult_stepFindsTheResultOfTheNamedStep() {
    Switches s = new Switches();
    s.state.put("a", true);
    RunResult r = runner(Journal.inMemory()).run(s.plan("a", "b"));
    assertThat(r.step("b")).get().extracting(StepResult::status).isEqualTo(StepStatus.APPLIED);
    assertThat(r.step("a")).get().extracting(StepResult::status).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(r.step("zzz")).isEmpty();
  }

  @Test
  void systemSleeper_whenInterrupted_stopsWaitingAndKeepsTheInterrupt() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Sleeper.system().sleep(Duration.ofMinutes(5))).isInstanceOf(io.github.m365kit.M365KitException.class)
          .hasMessage("interrupted while waiting to retry").hasCauseInstanceOf(InterruptedException.class);
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt status is kept").isTrue();
    }
  }
}
