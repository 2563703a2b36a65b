package io.github.m365kit.graph;

import io.github.m365kit.M365KitException;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one item of a bulk operation: a value (possibly none, for operations that return nothing) or the
 * typed m365kit exception that item failed with. One item failing never fails the others. Immutable and thread-safe.
 *
 * @param <T> the value type
 */
public final class BulkOutcome<T> {
  private final T value;
  private final M365KitException error;

  private BulkOutcome(T value, M365KitException error) {
    this.value = value;
    this.error = error;
  }

  static <T> BulkOutcome<T> success(T value) {
    return new BulkOutcome<>(value, null);
  }

  static <T> BulkOutcome<T> failure(M365KitException error) {
    return new BulkOutcome<>(null, Objects.requireNonNull(error, "error == null"));
  }

  /** @return true when the item succeeded */
  public boolean isSuccess() {
    return error == null;
  }

  /** @return the value of a successful item; empty on failure or when the operation returns nothing */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** @return the typed failure, e.g. {@link io.github.m365kit.NotFoundException} or a {@link io.github.m365kit.ThrottledException} carrying the wait */
  public Optional<M365KitException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * @return the value (null for operations that return nothing)
   * @throws M365KitException the item's failure
   */
  public T orThrow() {
    if (error != null) {
      throw error;
    }
    return value;
  }

  @Override
  public String toString() {
    return error == null ? "BulkOutcome{success" + (value == null ? "" : ", value=" + value) + "}"
        : "BulkOutcome{failure=" + error.getClass().getSimpleName() + ": " + error.getMessage() + "}";
  }
}
