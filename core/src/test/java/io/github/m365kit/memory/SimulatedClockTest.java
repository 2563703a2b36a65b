package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
  private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
  private final SimulatedClock clock = new SimulatedClock(START);

  @Test
  void advance_movesForwardAndReturnsTheNewTime_butNeverBack() {
    assertThat(clock.advance(Duration.ofDays(31))).isEqualTo(START.plus(Duration.ofDays(31)));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(31)));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not go back");
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(31)));
  }

  @Test
  void set_acceptsNowOrLater_andRefusesThePast() {
    clock.set(START);
    clock.set(START.plusSeconds(5));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(5));
    assertThatThrownBy(() -> clock.set(START)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the clock does not go back: " + START);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(5));
  }

  @Test
  void isUtc_andAZonedViewFollowsTheSameTime() {
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofHours(2));
    assertThat(paris.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
    assertThat(paris.millis()).isEqualTo(START.plus(Duration.ofHours(2)).toEpochMilli());
  }

  @Test
  void sleeper_advancesTheClockInsteadOfSleeping() throws Exception {
    clock.sleeper().sleep(Duration.ofMinutes(10));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
  }
}
