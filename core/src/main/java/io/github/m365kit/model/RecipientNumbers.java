package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;

final class RecipientNumbers {
  private RecipientNumbers() {}

  static long parseLong(String attribute, String text) {
    if (text == null) {
      throw new InvalidInputException(attribute + " value", null, "it is empty");
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(attribute + " value", text, "expected a 64-bit decimal integer");
    }
  }
}
