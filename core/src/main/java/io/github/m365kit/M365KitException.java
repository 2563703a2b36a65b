package io.github.m365kit;

/**
 * The root of every exception m365kit throws on purpose.
 *
 * <p>Unchecked, as in the AWS SDK and jclouds: callers catch the subtype that matches what they can do
 * about it (retry, fix the input, fix the directory, give up). Adapters translate their native errors
 * (LDAP result codes, Graph and Exchange HTTP errors) into these types once, so code written against the
 * in-memory backends meets the same types against the real services.
 */
public class M365KitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the object concerned
   */
  public M365KitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the object concerned
   * @param cause the underlying error
   */
  public M365KitException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Tells whether repeating the same call later may succeed (throttling, a busy or unavailable service).
   *
   * @return true for transient failures; the plan runner retries only these
   */
  public boolean isTransient() {
    return false;
  }
}
