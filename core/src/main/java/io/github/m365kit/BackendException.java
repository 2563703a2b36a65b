package io.github.m365kit;

/** Any other failure of a backend, with the backend's name and its native code (LDAP result code, HTTP status). */
public class BackendException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final String backend;
  private final String code;

  /**
   * @param backend "ldap", "graph", "exchange", "memory"
   * @param code the native code, e.g. "53 (unwillingToPerform)" or "500"
   * @param message what failed
   * @param cause the native error, may be null
   */
  public BackendException(String backend, String code, String message, Throwable cause) {
    super(message, cause);
    this.backend = backend;
    this.code = code;
  }

  /** @return the backend that failed */
  public String backend() {
    return backend;
  }

  /** @return the backend's native code */
  public String code() {
    return code;
  }
}
