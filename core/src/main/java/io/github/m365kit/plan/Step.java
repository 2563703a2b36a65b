package io.github.m365kit.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One ordered, idempotent step of a {@link Plan}: it can tell whether it is already done (read-only), apply itself,
 * verify the result (read-only), and show its PowerShell equivalent for an admin to review.
 *
 * <p>A step may carry a guard: a read-only check run immediately before {@code apply} that returns a reason to
 * refuse (for example "the mailbox does not read back as shared"). A refused guard stops the plan with a
 * {@link PlanFailedException}, so invariants hold even if state changed between planning and running.
 * Immutable once built; thread-safety is that of the functions given.
 */
public final class Step {
  private final String id;
  private final String description;
  private final List<String> powershell;
  private final BooleanSupplier isDone;
  private final Runnable apply;
  private final BooleanSupplier verify;
  private final Supplier<Optional<String>> guard;

  private Step(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id == null");
    this.description = Objects.requireNonNull(b.description, "description == null");
    this.powershell = List.copyOf(b.powershell);
    this.isDone = Objects.requireNonNull(b.isDone, "isDone == null");
    this.apply = Objects.requireNonNull(b.apply, "apply == null");
    this.verify = b.verify != null ? b.verify : b.isDone;
    this.guard = b.guard != null ? b.guard : Optional::empty;
    if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException("step id must be lower-case words joined by '-': " + id);
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the stable id, unique within its plan, used by the journal */
  public String id() {
    return id;
  }

  /** @return what the step does, for an admin */
  public String description() {
    return description;
  }

  /** @return the PowerShell equivalent, one command per line */
  public List<String> powershell() {
    return powershell;
  }

  /** @return true when the target state is already in place (read-only) */
  public boolean isDone() {
    return isDone.getAsBoolean();
  }

  /** Applies the step. */
  public void apply() {
    apply.run();
  }

  /** @return true when the applied state reads back as expected (read-only) */
  public boolean verify() {
    return verify.getAsBoolean();
  }

  /** @return a reason to refuse applying now, or empty */
  public Optional<String> guard() {
    return guard.get();
  }

  @Override
  public String toString() {
    return id + ": " + description;
  }

  /** Builds a {@link Step}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String description;
    private List<String> powershell = List.of();
    private BooleanSupplier isDone;
    private Runnable apply;
    private BooleanSupplier verify;
    private Supplier<Optional<String>> guard;

    private Builder() {}

    /**
     * @param id stable id, lower-case words joined by '-'
     * @return this
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * @param description what the step does
     * @return this
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * @param commands the PowerShell equivalent
     * @return this
     */
    public Builder powershell(PowerShell... commands) {
      this.powershell = java.util.Arrays.stream(commands).map(PowerShell::toString).toList();
      return this;
    }

    /**
     * @param lines the PowerShell equivalent as text lines (comments start with {@code #})
     * @return this
     */
    public Builder powershellLines(List<String> lines) {
      this.powershell = List.copyOf(lines);
      return this;
    }

    /**
     * @param isDone read-only check whether the target state is in place
     * @return this
     */
    public Builder isDone(BooleanSupplier isDone) {
      this.isDone = isDone;
      return this;
    }

    /**
     * @param apply the change
     * @return this
     */
    public Builder apply(Runnable apply) {
      this.apply = apply;
      return this;
    }

    /**
     * @param verify read-only check after apply; defaults to {@code isDone}
     * @return this
     */
    public Builder verify(BooleanSupplier verify) {
      this.verify = verify;
      return this;
    }

    /**
     * @param guard read-only check before apply returning a reason to refuse
     * @return this
     */
    public Builder guard(Supplier<Optional<String>> guard) {
      this.guard = guard;
      return this;
    }

    /** @return the step */
    public Step build() {
      return new Step(this);
    }
  }
}
