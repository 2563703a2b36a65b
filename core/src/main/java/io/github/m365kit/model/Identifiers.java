package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;

/** Checks shared by the identity values. */
final class Identifiers {
  private Identifiers() {}

  static String describe(char c) {
    if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
      return String.format("U+%04X", (int) c);
    }
    return "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
  }

  static void checkDomain(String what, String whole, String domain) {
    if (domain.isEmpty()) {
      throw new InvalidInputException(what, whole, "the domain after '@' is empty");
    }
    if (domain.length() > 253) {
      throw new InvalidInputException(what, whole, "the domain is longer than 253 characters");
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      throw new InvalidInputException(what, whole, "the domain '" + domain + "' needs at least two labels, e.g. contoso.com");
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63) {
        throw new InvalidInputException(what, whole, "the domain has an empty or over-long label");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        throw new InvalidInputException(what, whole, "a domain label must not start or end with '-'");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
          throw new InvalidInputException(what, whole, "character " + describe(c) + " is not allowed in the domain");
        }
      }
    }
  }
}
