package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.Locale;

/**
 * A user principal name ({@code jane.doe@contoso.com}), the sign-in name of an Entra ID and AD user.
 *
 * <p>Validated as Entra ID does: a local part of 1 to 64 characters from letters, digits and {@code ' . - _ ! # ^ ~},
 * not starting or ending with a dot and without two dots in a row; a domain of DNS labels; at most 113 characters in
 * all. Compared without regard to case, as the services do; {@link #value()} keeps the case it was given in.
 *
 * @param value the name as given
 */
public record Upn(String value) {
  private static final int MAX_LENGTH = 113;
  private static final int MAX_LOCAL = 64;

  /** Validates; use {@link #of(String)}. */
  public Upn {
    validate(value);
  }

  /**
   * Parses a user principal name.
   *
   * @param value the name, e.g. {@code jane.doe@contoso.com}
   * @return the validated name
   * @throws InvalidInputException when the value is not a valid user principal name; the message says why
   */
  public static Upn of(String value) {
    return new Upn(value);
  }

  /** @return the part after the {@code @} */
  public String domain() {
    return value.substring(value.lastIndexOf('@') + 1);
  }

  /** @return the part before the {@code @} */
  public String localPart() {
    return value.substring(0, value.lastIndexOf('@'));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Upn other && other.value.equalsIgnoreCase(value);
  }

  @Override
  public int hashCode() {
    return value.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return value;
  }

  private static void validate(String v) {
    String what = "user principal name";
    if (v == null || v.isEmpty()) {
      throw new InvalidInputException(what, v, "it is empty");
    }
    if (v.length() > MAX_LENGTH) {
      throw new InvalidInputException(what, v, "it has " + v.length() + " characters; at most " + MAX_LENGTH + " are allowed");
    }
    int at = v.indexOf('@');
    if (at < 0 || at != v.lastIndexOf('@')) {
      throw new InvalidInputException(what, v, "it must contain exactly one '@'");
    }
    String local = v.substring(0, at);
    if (local.isEmpty() || local.length() > MAX_LOCAL) {
      throw new InvalidInputException(what, v, "the part before '@' must have 1 to " + MAX_LOCAL + " characters");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "'.-_!#^~".indexOf(c) >= 0;
      if (!ok) {
        throw new InvalidInputException(what, v, "character " + Identifiers.describe(c) + " is not allowed before '@'");
      }
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw new InvalidInputException(what, v, "the part before '@' must not start or end with a dot or have two dots in a row");
    }
    Identifiers.checkDomain(what, v, v.substring(at + 1));
  }
}
