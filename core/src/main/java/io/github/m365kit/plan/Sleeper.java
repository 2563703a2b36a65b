package io.github.m365kit.plan;

import io.github.m365kit.M365KitException;
import java.time.Duration;

/** Waits between retries. Tests pass a sleeper that advances a simulated clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /**
   * @param duration how long to wait
   */
  void sleep(Duration duration);

  /** @return a sleeper that really sleeps */
  static Sleeper system() {
    return d -> {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new M365KitException("interrupted while waiting to retry", e);
      }
    };
  }
}
