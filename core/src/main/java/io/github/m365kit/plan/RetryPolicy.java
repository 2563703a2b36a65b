package io.github.m365kit.plan;

import java.time.Duration;

/**
 * How transient errors are retried: up to {@code maxAttempts} tries, with exponential backoff from
 * {@code initialBackoff} capped at {@code maxBackoff}; a Retry-After from the service is honoured when longer.
 *
 * @param maxAttempts total tries per step, at least 1
 * @param initialBackoff the first wait
 * @param maxBackoff the longest computed wait (a longer Retry-After is still honoured)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Validates. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
  }

  /** @return 6 attempts, 1 s doubling to 60 s */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
  }

  /** @return one attempt, no retry */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * @param attempt the attempt that just failed, from 1
   * @param retryAfter the wait the service asked for, or null
   * @return how long to wait before the next attempt
   */
  public Duration delay(int attempt, Duration retryAfter) {
    long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    Duration backoff = Duration.ofMillis(Math.min(base, maxBackoff.toMillis()));
    return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
  }
}
