package io.github.m365kit.plan;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A concurrency limit that adapts to throttling (additive increase, multiplicative decrease): each throttling
 * response halves the limit (at most once per {@code limit} completions, so one burst of 429s counts once), and each
 * {@code limit} successes raise it by one, up to the maximum. Thread-safe.
 */
public final class AdaptiveLimiter {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final int max;
  private int limit;
  private int inFlight;
  private int successesSinceChange;
  private int completionsSinceDecrease;
  private int peak;
  private int throttles;

  /**
   * @param initial the starting limit
   * @param max the highest limit
   */
  public AdaptiveLimiter(int initial, int max) {
    if (initial < 1 || max < initial) {
      throw new IllegalArgumentException("need 1 <= initial <= max, got " + initial + ", " + max);
    }
    this.limit = initial;
    this.max = max;
    this.peak = initial;
    this.completionsSinceDecrease = initial;
  }

  /**
   * Waits for a slot.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void acquire() throws InterruptedException {
    lock.lock();
    try {
      while (inFlight >= limit) {
        changed.await();
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  /** Frees a slot after a call that was not throttled. */
  public void releaseSuccess() {
    lock.lock();
    try {
      inFlight--;
      completionsSinceDecrease++;
      if (++successesSinceChange >= limit && limit < max) {
        limit++;
        peak = Math.max(peak, limit);
        successesSinceChange = 0;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Frees a slot after a call that failed for another reason. */
  public void release() {
    lock.lock();
    try {
      inFlight--;
      completionsSinceDecrease++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Records a throttling response: halves the limit unless it was just halved. */
  public void throttled() {
    lock.lock();
    try {
      throttles++;
      if (completionsSinceDecrease >= limit) {
        limit = Math.max(1, limit / 2);
        successesSinceChange = 0;
        completionsSinceDecrease = 0;
      }
    } finally {
      lock.unlock();
    }
  }

  /** @return the current limit */
  public int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }

  /** @return the highest limit reached */
  public int peak() {
    lock.lock();
    try {
      return peak;
    } finally {
      lock.unlock();
    }
  }

  /** @return how many throttling responses were recorded */
  public int throttles() {
    lock.lock();
    try {
      return throttles;
    } finally {
      lock.unlock();
    }
  }
}
