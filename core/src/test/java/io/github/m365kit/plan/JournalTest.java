package io.github.m365kit.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.memory.SimulatedClock;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-28T09:00:00Z"));

  @Test
  void jsonLines_writesOneObjectPerLineToTheFileBeforeRecordReturns(@TempDir Path dir) throws Exception {
    // the folders do not exist yet: opening the journal creates them
    Path file = dir.resolve("runs").resolve("2026-11").resolve("journal.jsonl");
    try (Journal j = Journal.jsonLines(file, clock)) {
      j.record("mailbox-to-shared:jane", "set-type", StepStatus.APPLIED, null);
      clock.advance(Duration.ofSeconds(5));
      j.record("mailbox-to-shared:jane", "remove-licenses", StepStatus.FAILED, "boom");
      // read while the journal is still open: a crash right now must not lose these lines
      assertThat(Files.readAllLines(file)).containsExactly(
          "{\"at\":\"2026-11-28T09:00:00Z\",\"plan\":\"mailbox-to-shared:jane\",\"step\":\"set-type\",\"status\":\"APPLIED\",\"message\":\"\"}",
          "{\"at\":\"2026-11-28T09:00:05Z\",\"plan\":\"mailbox-to-shared:jane\",\"step\":\"remove-licenses\",\"status\":\"FAILED\",\"message\":\"boom\"}");
      assertThat(j.entries()).containsExactly(
          new Journal.Entry("2026-11-28T09:00:00Z", "mailbox-to-shared:jane", "set-type", StepStatus.APPLIED, ""),
          new Journal.Entry("2026-11-28T09:00:05Z", "mailbox-to-shared:jane", "remove-licenses", StepStatus.FAILED, "boom"));
    }
  }

  @Test
  void jsonLines_afterClose_refusesToRecordInsteadOfDroppingTheEntry(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal j = Journal.jsonLines(file, clock);
    j.record("p", "a", StepStatus.APPLIED, "");
    j.close();
    assertThatThrownBy(() -> j.record("p", "b", StepStatus.APPLIED, "")).isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write journal");
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void inMemory_closeIsHarmlessAndKeepsTheEntries() {
    Journal j = Journal.inMemory();
    try (j) {
      j.record("p", "a", StepStatus.ALREADY_DONE, null);
    }
    assertThat(j.entries()).extracting(Journal.Entry::step, Journal.Entry::status, Journal.Entry::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", StepStatus.ALREADY_DONE, ""));
    assertThat(j.isFinished("p", "a")).isTrue();
  }

  @Test
  void planCompleted_forgetsOnlyThatPlansSteps() {
    Journal j = Journal.inMemory();
    j.record("p", "a", StepStatus.APPLIED, "");
    j.record("p1", "a", StepStatus.APPLIED, "");
    j.record("p2", "a", StepStatus.APPLIED, "");
    j.record("p2", "b", StepStatus.ALREADY_DONE, "");
    j.record("p", "*", StepStatus.PLAN_COMPLETED, "");
    assertThat(j.isFinished("p", "a")).isFalse();
    // "p" is a prefix of "p1": completing p must not forget p1
    assertThat(j.isFinished("p1", "a")).isTrue();
    assertThat(j.isFinished("p2", "a")).isTrue();
    assertThat(j.isFinished("p2", "b")).isTrue();
    assertThat(j.finishedSteps("p")).isEmpty();
    assertThat(j.finishedSteps("p1")).containsExactly("a");
    assertThat(j.finishedSteps("p2")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void finishedSteps_countsAppliedAndAlreadyDoneSinceTheLastCompletionOfThatPlanOnly() {
    Journal j = Journal.inMemory();
    j.record("p", "old", StepStatus.APPLIED, "");
    j.record("p", "*", StepStatus.PLAN_COMPLETED, "");
    j.record("p", "a", StepStatus.APPLIED, "");
    j.record("p", "b", StepStatus.ALREADY_DONE, "");
    j.record("p", "c", StepStatus.FAILED, "boom");
    j.record("other", "d", StepStatus.APPLIED, "");
    assertThat(j.finishedSteps("p")).containsExactlyInAnyOrder("a", "b");
    assertThat(j.finishedSteps("other")).containsExactly("d");
    assertThat(j.finishedSteps("unknown")).isEmpty();
    assertThat(j.isFinished("p", "c")).isFalse();
  }

  @Test
  void jsonLines_reopenedResumesFromTheFile(@TempDir Path dir) {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.jsonLines(file, clock)) {
      j.record("p", "old", StepStatus.APPLIED, "");
      j.record("p", "*", StepStatus.PLAN_COMPLETED, "");
      j.record("p", "a", StepStatus.APPLIED, "");
      j.record("p", "b", StepStatus.FAILED, "boom");
      j.record("q", "x", StepStatus.ALREADY_DONE, "");
    }
    try (Journal again = Journal.jsonLines(file, clock)) {
      assertThat(again.entries()).hasSize(5);
      assertThat(again.entries().get(3)).isEqualTo(new Journal.Entry("2026-11-28T09:00:00Z", "p", "b", StepStatus.FAILED, "boom"));
      assertThat(again.finishedSteps("p")).containsExactly("a");
      assertThat(again.isFinished("p", "old")).isFalse();
      assertThat(again.isFinished("p", "a")).isTrue();
      assertThat(again.isFinished("q", "x")).isTrue();
    }
  }
}
