package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.Locale;

/**
 * A pre-Windows 2000 logon name (sAMAccountName) of an AD user: 1 to 20 characters, none of
 * {@code " / \ [ ] : ; | = , + * ? < > @}, no control characters, not ending with a dot. Compared without regard to case.
 *
 * @param value the name as given
 */
public record SamAccountName(String value) {
  private static final String FORBIDDEN = "\"/\\[]:;|=,+*?<>@";

  /** Validates; use {@link #of(String)}. */
  public SamAccountName {
    String what = "sAMAccountName";
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException(what, value, "it is empty");
    }
    if (value.length() > 20) {
      throw new InvalidInputException(what, value, "it has " + value.length() + " characters; AD allows at most 20");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || FORBIDDEN.indexOf(c) >= 0) {
        throw new InvalidInputException(what, value, "character " + Identifiers.describe(c) + " is not allowed");
      }
    }
    if (value.endsWith(".")) {
      throw new InvalidInputException(what, value, "it must not end with a dot");
    }
  }

  /**
   * @param value the name
   * @return the validated name
   * @throws InvalidInputException when the value is not a valid sAMAccountName
   */
  public static SamAccountName of(String value) {
    return new SamAccountName(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SamAccountName other && other.value.equalsIgnoreCase(value);
  }

  @Override
  public int hashCode() {
    return value.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
