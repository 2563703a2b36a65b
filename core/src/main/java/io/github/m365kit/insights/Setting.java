package io.github.m365kit.insights;

import java.util.Objects;

/**
 * An effective setting and where it comes from. Immutable and thread-safe.
 *
 * @param value the effective value
 * @param source the tenant default or the user's own setting
 * @param <T> the value type
 */
public record Setting<T>(T value, Source source) {
  /** Where an effective value comes from. */
  public enum Source {
    /** The tenant default applies; the user has set nothing. */ TENANT_DEFAULT,
    /** The user's own setting overrides the tenant default. */ USER
  }

  /** Validates. */
  public Setting {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(source, "source == null");
  }

  @Override
  public String toString() {
    return value + (source == Source.USER ? " (set for the user)" : " (tenant default)");
  }
}
