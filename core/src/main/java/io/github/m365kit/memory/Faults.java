package io.github.m365kit.memory;

import io.github.m365kit.BackendException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Fault injection for the in-memory backends: fail the n-th call of an operation with a transient, throttled (with
 * Retry-After) or permanent error, fail a share of calls at random (seeded, so runs repeat), or add latency.
 * Operations are named after the port methods ({@code setType}, {@code removeLicenses}, {@code assign}, …); {@code "*"}
 * matches every operation. The fault is raised before the call changes anything. Thread-safe.
 *
 * <pre>{@code
 * tenant.faults().throttleNth("setType", 1, Duration.ofSeconds(30)).permanentNth("removeLicenses", 1);
 * }</pre>
 */
public final class Faults {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Planned> planned = new ArrayList<>();
  private final Map<String, Duration> latency = new ConcurrentHashMap<>();
  private volatile Random random;
  private volatile double transientShare;
  private volatile double throttleShare;
  private volatile String randomOperation;

  private record Planned(String operation, int callNumber, Supplier<M365KitException> error) {}

  /**
   * Fails the n-th call of an operation counted from now (1 = the next call).
   *
   * @param operation the port method name, or "*"
   * @param n which call, from 1
   * @param error the error to raise
   * @return this
   */
  public synchronized Faults failNth(String operation, int n, Supplier<M365KitException> error) {
    if (n < 1) {
      throw new IllegalArgumentException("n < 1: " + n);
    }
    int base = operation.equals("*") ? totalCalls() : calls(operation);
    planned.add(new Planned(operation, base + n, error));
    return this;
  }

  /**
   * @param operation the operation
   * @param n which call, from 1
   * @return this, failing that call with a transient error ("service unavailable")
   */
  public Faults transientNth(String operation, int n) {
    return failNth(operation, n, () -> new TransientException("injected: the service is temporarily unavailable (" + operation + ")", null));
  }

  /**
   * @param operation the operation
   * @param n which call, from 1
   * @param retryAfter the Retry-After the service sends
   * @return this, throttling that call
   */
  public Faults throttleNth(String operation, int n, Duration retryAfter) {
    return failNth(operation, n, () -> new ThrottledException("injected: too many requests (" + operation + ")", retryAfter));
  }

  /**
   * @param operation the operation
   * @param n which call, from 1
   * @return this, failing that call permanently
   */
  public Faults permanentNth(String operation, int n) {
    return failNth(operation, n, () -> new BackendException("memory", "injected", "injected: permanent failure of " + operation, null));
  }

  /**
   * Fails a share of calls at random with transient errors and 429s.
   *
   * @param operation the operation, or "*"
   * @param transientShare share of calls failing with a transient error, 0..1
   * @param throttleShare share of calls throttled with Retry-After 1 s, 0..1
   * @param seed the random seed
   * @return this
   */
  public Faults randomly(String operation, double transientShare, double throttleShare, long seed) {
    this.randomOperation = operation;
    this.transientShare = transientShare;
    this.throttleShare = throttleShare;
    this.random = new Random(seed);
    return this;
  }

  /**
   * @param operation the operation, or "*"
   * @param delay latency added to each call
   * @return this
   */
  public Faults latency(String operation, Duration delay) {
    latency.put(operation, delay);
    return this;
  }

  /** Removes every planned fault and latency; call counts are kept. */
  public synchronized void clear() {
    planned.clear();
    latency.clear();
    random = null;
  }

  /**
   * @param operation an operation
   * @return how many times it was called (including failed calls)
   */
  public int calls(String operation) {
    AtomicInteger c = calls.get(operation);
    return c == null ? 0 : c.get();
  }

  private int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /**
   * Called by the backends before each operation.
   *
   * @param operation the operation
   * @throws M365KitException the injected error, if one is due
   */
  public void before(String operation) {
    int n = calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    int total = totalCalls();
    Duration d = latency.getOrDefault(operation, latency.get("*"));
    if (d != null && !d.isZero()) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    M365KitException error = null;
    synchronized (this) {
      for (int i = 0; i < planned.size(); i++) {
        Planned p = planned.get(i);
        boolean due = p.operation.equals(operation) ? p.callNumber == n : p.operation.equals("*") && p.callNumber == total;
        if (due) {
          planned.remove(i);
          error = p.error.get();
          break;
        }
      }
      Random r = random;
      if (error == null && r != null && (randomOperation.equals("*") || randomOperation.equals(operation))) {
        double x = r.nextDouble();
        if (x < throttleShare) {
          error = new ThrottledException("injected: too many requests (" + operation + ")", Duration.ofSeconds(1));
        } else if (x < throttleShare + transientShare) {
          error = new TransientException("injected: the service is temporarily unavailable (" + operation + ")", null);
        }
      }
    }
    if (error != null) {
      throw error;
    }
  }
}
