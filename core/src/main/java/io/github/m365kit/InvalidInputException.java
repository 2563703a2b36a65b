package io.github.m365kit;

/**
 * A value given to m365kit is malformed: a user principal name without a domain, a policy name longer than
 * 64 characters, an LDAP distinguished name with an unbalanced escape. Nothing was changed.
 */
public class InvalidInputException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final String what;
  private final String value;

  /**
   * Creates the exception.
   *
   * @param what the kind of value, e.g. "user principal name"
   * @param value the rejected value (shown quoted and truncated in the message)
   * @param reason why it was rejected
   */
  public InvalidInputException(String what, String value, String reason) {
    super("invalid " + what + " " + quote(value) + ": " + reason);
    this.what = what;
    this.value = value;
  }

  /** @return the kind of value that was rejected */
  public String what() {
    return what;
  }

  /** @return the rejected value as given */
  public String value() {
    return value;
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }
}
