package io.github.m365kit.memory;

import io.github.m365kit.plan.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told: the 30-day grace period of an unlicensed mailbox passes in a test with
 * {@code clock.advance(Duration.ofDays(31))}, and {@link #sleeper()} makes retry waits advance it instead of sleeping.
 * Thread-safe.
 */
public final class SimulatedClock extends Clock {
  private volatile Instant now;

  /** @param start the starting instant */
  public SimulatedClock(Instant start) {
    this.now = start;
  }

  /**
   * @param duration how far to move forward
   * @return the new instant
   */
  public synchronized Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock does not go back: " + duration);
    }
    now = now.plus(duration);
    return now;
  }

  /** @param instant the new time, not before the current one */
  public synchronized void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException("the clock does not go back: " + instant);
    }
    now = instant;
  }

  /** @return a sleeper that advances this clock instead of sleeping */
  public Sleeper sleeper() {
    return this::advance;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
