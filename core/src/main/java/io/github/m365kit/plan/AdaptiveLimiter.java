package io.github.m365kit.plan;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A concurrency limit that adapts to throttling. It starts in <em>slow start</em>: every success raises the limit by
 * one, so it doubles each round trip until the first throttling response or the maximum. From then on it is additive
 * increase, multiplicative decrease: each {@code limit} successes (about one round trip) raise it by one, and a
 * throttling response cuts it to {@value #DECREASE_PERCENT}% (at most once per {@code limit} completions, so one burst
 * of 429s counts once). When the window after a cut is throttled again, before the limit could grow, the cut was not
 * enough (the service limits concurrency, or slow start overshot far) and the next cut halves it.
 *
 * <p>Why a gentle cut rather than TCP's halving: a throttled call costs the service nothing (it does not consume the
 * budget) and its worker frees its slot while it waits out {@code Retry-After}, so running slightly <em>over</em> the
 * budget loses no throughput, while every round trip spent <em>under</em> it does. Halving spends half of each
 * saw-tooth under the budget (measured: 0.77 of a 300 req/s budget); a 10% cut recovers within a round trip or two
 * (bench/run P1). Thread-safe.
 */
public final class AdaptiveLimiter {
  /** The limit after a throttling response, in percent of the limit before it. */
  static final int DECREASE_PERCENT = 90;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final int max;
  private int limit;
  private int inFlight;
  private int successesSinceChange;
  private int completionsSinceDecrease;
  private int peak;
  private int throttles;
  private boolean slowStart = true;
  private boolean cutWithoutGrowth;

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

  /**
   * Takes a slot without waiting, even above the limit: for a worker whose {@link #acquire()} was interrupted and that
   * stops at once, so that the release it still makes does not free a slot it never held.
   */
  void reclaim() {
    lock.lock();
    try {
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
      if (limit < max && (slowStart || ++successesSinceChange >= limit)) {
        limit++;
        peak = Math.max(peak, limit);
        successesSinceChange = 0;
        cutWithoutGrowth = false;
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

  /** Records a throttling response: ends slow start and cuts the limit unless it was just cut. */
  public void throttled() {
    lock.lock();
    try {
      throttles++;
      slowStart = false;
      if (completionsSinceDecrease >= limit) {
        int cut = cutWithoutGrowth ? limit / 2 : Math.min(limit - 1, limit * DECREASE_PERCENT / 100);
        limit = Math.max(1, cut);
        cutWithoutGrowth = true;
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

  /** @return how many slots are taken now (for tests) */
  int inFlight() {
    lock.lock();
    try {
      return inFlight;
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
