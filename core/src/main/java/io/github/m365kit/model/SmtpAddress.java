package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.Locale;

/**
 * An SMTP address ({@code reception@contoso.com}) as Exchange accepts it for a recipient: an RFC 5321 dot-atom
 * local part of at most 64 characters and a DNS domain, at most 254 characters in all. Quoted local parts are
 * refused. Compared without regard to case.
 *
 * <p>Note that a valid local part may contain {@code ' ` $ { } | / = ?}: anything that puts an address into a
 * PowerShell command, a URL or an LDAP filter must escape it, as m365kit's renderers do.
 *
 * @param value the address as given
 */
public record SmtpAddress(String value) {
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  /** Validates; use {@link #of(String)}. */
  public SmtpAddress {
    validate(value);
  }

  /**
   * Parses an SMTP address.
   *
   * @param value the address
   * @return the validated address
   * @throws InvalidInputException when the value is not a valid address; the message says why
   */
  public static SmtpAddress of(String value) {
    return new SmtpAddress(value);
  }

  /** @return the part before the {@code @} */
  public String localPart() {
    return value.substring(0, value.lastIndexOf('@'));
  }

  /** @return the part after the {@code @} */
  public String domain() {
    return value.substring(value.lastIndexOf('@') + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmtpAddress other && other.value.equalsIgnoreCase(value);
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
    String what = "SMTP address";
    if (v == null || v.isEmpty()) {
      throw new InvalidInputException(what, v, "it is empty");
    }
    if (v.length() > 254) {
      throw new InvalidInputException(what, v, "it has " + v.length() + " characters; at most 254 are allowed");
    }
    int at = v.lastIndexOf('@');
    if (at < 0) {
      throw new InvalidInputException(what, v, "it has no '@'");
    }
    String local = v.substring(0, at);
    if (local.isEmpty() || local.length() > 64) {
      throw new InvalidInputException(what, v, "the part before '@' must have 1 to 64 characters");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0;
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
