package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What every port contract shares: the backend's optional {@link Capability capabilities}, its consistency window and
 * {@link #eventually(ThrowingCallable)}, in the manner of jclouds' consistency model. Extend one of the
 * {@code *Contract} classes rather than this one.
 */
public abstract class PortContract {

  /** Creates the contract; subclasses are JUnit test classes. */
  protected PortContract() {}

  /**
   * The optional behaviour this backend has. Tests of behaviour not listed are skipped with an assumption; nothing
   * else is ever skipped.
   *
   * @return every capability unless overridden
   */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /**
   * How long a change may take to read back (replication, eventual consistency). The in-memory backends are
   * immediately consistent; a live tenant may need a minute.
   *
   * @return {@link Duration#ZERO} unless overridden
   */
  protected Duration consistencyWindow() {
    return Duration.ZERO;
  }

  /**
   * Moves the backend's clock forward. Backends listing {@link Capability#CONTROLLABLE_CLOCK} must override it.
   *
   * @param duration how far
   * @throws UnsupportedOperationException unless overridden
   */
  protected void advanceClock(Duration duration) {
    throw new UnsupportedOperationException(getClass().getName() + " lists CONTROLLABLE_CLOCK but does not override advanceClock");
  }

  /**
   * Skips the calling test unless the backend has the capability.
   *
   * @param capability the capability the test needs
   */
  protected final void assumeCapable(Capability capability) {
    assumeTrue(capabilities().contains(capability), () -> getClass().getSimpleName() + " does not declare " + capability);
  }

  /**
   * Runs a call that must throw an exception of the given type (or a subtype) and returns it for further checks.
   *
   * @param type the expected exception type
   * @param call the call
   * @param <T> the exception type
   * @return the exception thrown
   * @throws AssertionError when the call throws nothing or another type (the message shows which)
   */
  protected static <T extends Throwable> T expectThrows(Class<T> type, ThrowingCallable call) {
    T e = catchThrowableOfType(type, call);
    assertThat(e).as("expected %s to be thrown, but nothing was", type.getSimpleName()).isNotNull();
    return e;
  }

  /**
   * Runs a check until it passes or {@link #consistencyWindow()} has elapsed; with a zero window it runs once. Only
   * {@link AssertionError}s are retried; any other exception fails at once.
   *
   * @param check the assertions to make
   */
  protected final void eventually(ThrowingCallable check) {
    long deadline = System.nanoTime() + consistencyWindow().toNanos();
    long pause = Math.max(10, Math.min(1000, consistencyWindow().toMillis() / 20));
    while (true) {
      try {
        check.call();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() - deadline >= 0) {
          throw e;
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (Throwable t) {
        throw new AssertionError("check threw " + t, t);
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for consistency", e);
      }
    }
  }
}
