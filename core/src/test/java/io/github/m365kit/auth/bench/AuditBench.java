package io.github.m365kit.auth.bench;

import io.github.m365kit.auth.LegacyAuthAudit;
import io.github.m365kit.auth.LegacyAuthReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks the legacy-authentication audit: generates N events deterministically to a file (unless it exists),
 * audits it, and prints events per second and heap used. Not run by the tests.
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$(cat cp.txt) io.github.m365kit.auth.bench.AuditBench 1000000 PORTAL_JSON /tmp/signins.json
 * </pre>
 *
 * <p>Arguments: event count (default 1,000,000), shape (PORTAL_JSON, GRAPH_PAGES or CSV; default PORTAL_JSON), file
 * (default a file in the temp directory), and optionally an output file for the JSON report (to diff with jq's).
 */
public final class AuditBench {
  private AuditBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args count, shape, file, report file
   * @throws Exception on I/O errors
   */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
    SignInGenerator.Shape shape = args.length > 1 ? SignInGenerator.Shape.valueOf(args[1]) : SignInGenerator.Shape.PORTAL_JSON;
    Path file = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"), "m365kit-signins-" + n + "-" + shape + ".dat");
    if (!Files.exists(file)) {
      long t0 = System.nanoTime();
      new SignInGenerator(20260127L, 5_000, 4).write(n, shape, file);
      System.out.printf(Locale.ROOT, "generated %,d events (%s, %,d bytes) in %.1f s%n", n, shape, Files.size(file), (System.nanoTime() - t0) / 1e9);
    }
    LegacyAuthAudit audit = LegacyAuthAudit.builder().clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC)).build();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    int rounds = Integer.getInteger("rounds", 3);
    for (int round = 1; round <= rounds; round++) {
      System.gc();
      AtomicLong peak = new AtomicLong();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      LegacyAuthReport r = audit.audit(file);
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      sampler.interrupt();
      sampler.join();
      System.gc();
      long retained = memory.getHeapMemoryUsage().getUsed();
      System.out.printf(Locale.ROOT, "round %d: %,d events in %.2f s wall (%.2f s CPU) = %,.0f events/s wall, %,.0f events/s CPU;"
          + " %,d user/protocol rows, %d spray IPs; peak heap %,d MB, after GC %,d MB%n",
          round, r.eventsRead(), s, cpu, r.eventsRead() / s, r.eventsRead() / cpu, r.users().size(), r.suspectedSpray().size(), peak.get() >> 20,
          retained >> 20);
      if (round == 3 && args.length > 3) {
        Files.writeString(Path.of(args[3]), r.render(LegacyAuthReport.Format.JSON));
      }
    }
  }
}
