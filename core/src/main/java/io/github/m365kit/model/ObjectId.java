package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An Entra ID object id: a GUID in its 36-character form ({@code 8-4-4-4-12} hex digits).
 *
 * @param value the GUID
 */
public record ObjectId(UUID value) {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** @param value the GUID, not null */
  public ObjectId {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
  }

  /**
   * Parses an object id.
   *
   * @param text the GUID in its 36-character form
   * @return the object id
   * @throws InvalidInputException when the text is not a GUID
   */
  public static ObjectId of(String text) {
    if (text == null || !GUID.matcher(text).matches()) {
      throw new InvalidInputException("object id", text, "expected a GUID like 8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c");
    }
    return new ObjectId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
