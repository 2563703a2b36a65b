package io.github.m365kit;

/**
 * The change conflicts with the current state: the object already exists, is still in use (a policy still
 * assigned), or holds something another object needs (a Unified Messaging extension).
 */
public class ConflictException extends M365KitException {
  private static final long serialVersionUID = 1L;

  /** @param message what conflicts with what */
  public ConflictException(String message) {
    super(message);
  }
}
