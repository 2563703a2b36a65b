package io.github.m365kit;

/** The credentials in use lack the right (LDAP insufficientAccessRights, Graph or Exchange 403). */
public class AccessDeniedException extends M365KitException {
  private static final long serialVersionUID = 1L;

  /** @param message what was refused */
  public AccessDeniedException(String message) {
    super(message);
  }

  /**
   * @param message what was refused
   * @param cause the native error
   */
  public AccessDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
