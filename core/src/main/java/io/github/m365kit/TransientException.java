package io.github.m365kit;

import java.time.Duration;
import java.util.Optional;

/**
 * The service could not handle the call now (busy, unavailable, timed out, 5xx); the same call may succeed
 * later. The plan runner retries these with backoff, waiting at least {@link #retryAfter()} when the service said.
 */
public class TransientException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /**
   * @param message what failed
   * @param retryAfter how long the service asked to wait, or null when it did not say
   */
  public TransientException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /**
   * @param message what failed
   * @param retryAfter how long the service asked to wait, or null when it did not say
   * @param cause the native error
   */
  public TransientException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** @return how long the service asked to wait before retrying, if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
