package io.github.m365kit;

/** The object named does not exist on the service (LDAP noSuchObject, Graph 404, Exchange "couldn't be found"). */
public class NotFoundException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;

  /**
   * Creates the exception.
   *
   * @param kind what was looked for, e.g. "mailbox", "user", "authentication policy"
   * @param id how it was looked for
   */
  public NotFoundException(String kind, String id) {
    super(kind + " '" + id + "' was not found");
    this.kind = kind;
    this.id = id;
  }

  /**
   * Creates the exception with a service-specific message.
   *
   * @param kind what was looked for
   * @param id how it was looked for
   * @param message the message to show
   */
  public NotFoundException(String kind, String id, String message) {
    super(message);
    this.kind = kind;
    this.id = id;
  }

  /** @return what was looked for */
  public String kind() {
    return kind;
  }

  /** @return how it was looked for */
  public String id() {
    return id;
  }
}
