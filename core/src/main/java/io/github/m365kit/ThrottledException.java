package io.github.m365kit;

import java.time.Duration;

/**
 * The service throttled the caller (HTTP 429, LDAP busy). When raised after the retry budget is spent, it
 * still carries the wait the service asked for, so the caller can schedule the rest.
 */
public class ThrottledException extends TransientException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was throttled
   * @param retryAfter how long the service asked to wait, or null when it did not say
   */
  public ThrottledException(String message, Duration retryAfter) {
    super(message, retryAfter);
  }

  /**
   * @param message what was throttled
   * @param retryAfter how long the service asked to wait, or null
   * @param cause the native error
   */
  public ThrottledException(String message, Duration retryAfter, Throwable cause) {
    super(message, retryAfter, cause);
  }
}
