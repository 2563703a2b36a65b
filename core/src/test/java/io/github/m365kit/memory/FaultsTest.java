package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.BackendException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fault injector on its own: planned faults, "*" faults, seeded random faults, latency, clear. */
class FaultsTest {
  private final Faults faults = new Faults();

  private static long millis(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void plannedFaults_chain_andEachFailsItsOwnOperationsNthCall() {
    assertThat(faults.throttleNth("setType", 2, Duration.ofSeconds(30)).permanentNth("removeLicenses", 1).transientNth("assign", 1)).isSameAs(faults);
    faults.before("setType");
    assertThatThrownBy(() -> faults.before("setType")).isInstanceOf(ThrottledException.class).hasMessage("injected: too many requests (setType)")
        .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).contains(Duration.ofSeconds(30)));
    assertThatThrownBy(() -> faults.before("removeLicenses")).isInstanceOf(BackendException.class);
    assertThatThrownBy(() -> faults.before("assign")).isInstanceOf(TransientException.class)
        .hasMessage("injected: the service is temporarily unavailable (assign)");
    faults.before("setType");
    assertThat(faults.calls("setType")).isEqualTo(3);
    assertThatThrownBy(() -> faults.failNth("x", 0, () -> null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void starFault_failsTheNthCallOfAnyOperation_countedFromWhenItIsPlanned() {
    faults.before("find");
    faults.before("find");
    faults.before("list");
    faults.transientNth("*", 2);
    faults.before("setType"); // 1st call from now
    assertThatThrownBy(() -> faults.before("find")).isInstanceOf(TransientException.class).hasMessageContaining("(*)");
    faults.before("find"); // fired once
    assertThat(faults.calls("find")).isEqualTo(4);
  }

  @Test
  void randomFaults_hitOnlyTheirOperation_withTheGivenShares() {
    assertThat(faults.randomly("setType", 1.0, 0.0, 42)).isSameAs(faults);
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> faults.before("setType")).isInstanceOf(TransientException.class);
      faults.before("find");
    }
    faults.randomly("*", 0.0, 1.0, 42);
    assertThatThrownBy(() -> faults.before("find")).isInstanceOf(ThrottledException.class)
        .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).contains(Duration.ofSeconds(1)));
    faults.randomly("*", 0.0, 0.0, 42);
    for (int i = 0; i < 20; i++) {
      faults.before("find");
    }
  }

  @Test
  void randomFaults_splitBetweenThrottlingAndTransientErrors_andRepeatWithTheSeed() {
    faults.randomly("*", 0.5, 0.5, 7);
    int throttled = 0;
    int transients = 0;
    StringBuilder run1 = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      try {
        faults.before("op");
        run1.append('.');
      } catch (ThrottledException e) {
        throttled++;
        run1.append('T');
      } catch (TransientException e) {
        transients++;
        run1.append('t');
      }
    }
    assertThat(throttled + transients).isEqualTo(200); // shares adding up to 1 fail every call
    assertThat(throttled).isBetween(60, 140);
    assertThat(transients).isBetween(60, 140);
    Faults again = new Faults().randomly("*", 0.5, 0.5, 7);
    StringBuilder run2 = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      try {
        again.before("op");
        run2.append('.');
      } catch (ThrottledException e) {
        run2.append('T');
      } catch (TransientException e) {
        run2.append('t');
      }
    }
    assertThat(run2.toString()).isEqualTo(run1.toString());
  }

  @Test
  void latency_delaysItsOperation_starDelaysEveryOther_andClearRemovesIt() {
    assertThat(faults.latency("slow", Duration.ofMillis(300))).isSameAs(faults);
    assertThat(millis(() -> faults.before("slow"))).isGreaterThanOrEqualTo(300);
    assertThatCode(() -> faults.before("fast")).doesNotThrowAnyException();
    faults.latency("*", Duration.ofMillis(200)).latency("instant", Duration.ZERO);
    assertThat(millis(() -> faults.before("other"))).isGreaterThanOrEqualTo(200);
    faults.latency("slow", Duration.ofSeconds(5));
    faults.permanentNth("slow", 1);
    faults.randomly("*", 1.0, 0.0, 1);
    faults.clear();
    assertThat(millis(() -> faults.before("slow"))).isLessThan(5_000);
    assertThat(faults.calls("slow")).isEqualTo(2); // counts are kept
  }

  @Test
  void latency_keepsTheThreadsInterruptStatus() {
    faults.latency("slow", Duration.ofSeconds(5));
    Thread.currentThread().interrupt();
    long ms = millis(() -> faults.before("slow"));
    assertThat(Thread.interrupted()).isTrue(); // also clears it for the next test
    assertThat(ms).isLessThan(5_000);
  }
}
