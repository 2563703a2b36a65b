package io.github.m365kit.graph.bench;

import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.graph.sim.GraphSimulator;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.BulkRunner;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.RetryPolicy;
import io.github.m365kit.plan.Step;
import io.github.m365kit.spi.AuthPolicyStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Rolls one authentication policy out to N users through the real Exchange adapter against {@link GraphSimulator}
 * (latency and a throttle budget), once with core's {@link BulkRunner} (adaptive concurrency) and once serially over a
 * sample, and prints the achieved rate against the budget, the speed-up and the users lost. Not run by the tests:
 *
 * <pre>
 * mvn -o -q -pl graph-adapter test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.m365kit.graph.bench.RolloutBench -Dexec.args="10000 100 100 200"
 * </pre>
 *
 * Arguments: users (10,000), budget in requests per second (100), latency in ms (100), serial sample (200).
 */
public final class RolloutBench {
  private static final String POLICY = "Block Basic Auth";

  private RolloutBench() {}

  /**
   * @param args users, budget, latency ms, serial sample size
   */
  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int budget = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int sample = args.length > 3 ? Integer.parseInt(args[3]) : 200;

    InMemoryTenant tenant = new InMemoryTenant("bench.onmicrosoft.com", new SimulatedClock(Instant.parse("2026-11-28T09:00:00Z")));
    List<Upn> targets = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      Upn upn = Upn.of(String.format(Locale.ROOT, "user%05d@bench.example", i));
      tenant.addUser(CloudUser.builder().id(new ObjectId(UUID.nameUUIDFromBytes(upn.value().getBytes(StandardCharsets.UTF_8))))
          .userPrincipalName(upn).mail(SmtpAddress.of(upn.value())).build());
      targets.add(upn);
    }
    tenant.create(AuthPolicy.builder().name(POLICY).build());

    try (GraphSimulator sim = GraphSimulator.start(tenant).latency(Duration.ofMillis(latencyMs)).throttleBudget(budget);
         // The bulk path lets throttling reach the BulkRunner (no adapter retries), so that its limiter can adapt.
         GraphBackend bulkBackend = sim.backendBuilder().maxRetries(0).build();
         GraphBackend serialBackend = sim.backend()) {
      AuthPolicyStore bulkPolicies = bulkBackend.authPolicies();
      BulkRunner runner = BulkRunner.builder()
          .concurrency(4, 64)
          .retryPolicy(new RetryPolicy(12, Duration.ofMillis(500), Duration.ofSeconds(10)))
          .build();
      long requests0 = sim.requestCount();
      long throttled0 = sim.throttledCount();
      long t0 = System.nanoTime();
      BulkReport report = runner.run(targets, Upn::value, u -> new Plan("assign-" + u.value(), "Assign " + POLICY + " to " + u,
          List.of(Step.builder()
              .id("assign-policy")
              .description("Set-User -AuthenticationPolicy '" + POLICY + "'")
              .isDone(() -> false)
              .apply(() -> bulkPolicies.assign(u, Optional.of(POLICY)))
              .verify(() -> tenant.assigned(u).filter(POLICY::equals).isPresent())
              .build()),
          List.of()));
      double bulkSeconds = (System.nanoTime() - t0) / 1e9;
      long bulkRequests = sim.requestCount() - requests0;
      long bulk429 = sim.throttledCount() - throttled0;
      long lost = targets.stream().filter(u -> !tenant.assigned(u).filter(POLICY::equals).isPresent()).count();
      long failed = report.count(BulkOutcome.Status.FAILED);
      double rate = users / bulkSeconds;

      // Serial: a plain loop over a sample, unassigning first (tenant-side, not timed) so that it does real work.
      List<Upn> serialSample = targets.subList(0, Math.min(sample, targets.size()));
      serialSample.forEach(u -> tenant.assign(u, Optional.empty()));
      AuthPolicyStore serialPolicies = serialBackend.authPolicies();
      long t1 = System.nanoTime();
      for (Upn u : serialSample) {
        serialPolicies.assign(u, Optional.of(POLICY));
      }
      double serialSeconds = (System.nanoTime() - t1) / 1e9;
      double serialRate = serialSample.size() / serialSeconds;
      double serialExtrapolated = users / serialRate;
      long serialLost = serialSample.stream().filter(u -> !tenant.assigned(u).filter(POLICY::equals).isPresent()).count();

      System.out.printf(Locale.ROOT, "users=%d budget=%d req/s latency=%d ms%n", users, budget, latencyMs);
      System.out.printf(Locale.ROOT, "bulk:   %.1f s, %.1f users/s = %.2f of budget, %d HTTP requests, %d answered 429, peak concurrency %d,"
          + " throttle events %d, failed %d%n", bulkSeconds, rate, rate / budget, bulkRequests, bulk429, report.peakConcurrency(),
          report.throttleEvents(), failed);
      System.out.printf(Locale.ROOT, "serial: %d-user sample in %.1f s = %.1f users/s; extrapolated to %d users: %.0f s%n",
          serialSample.size(), serialSeconds, serialRate, users, serialExtrapolated);
      System.out.printf(Locale.ROOT, "speed-up bulk vs serial (serial extrapolated from the sample): %.1fx%n", serialExtrapolated / bulkSeconds);
      System.out.printf(Locale.ROOT, "users lost: %d (bulk), %d (serial sample)%n", lost, serialLost);
      // one line for bench/run's table
      System.out.printf(Locale.ROOT, "RESULT users=%d budget=%d rate=%.1f serialRate=%.2f bulkSeconds=%.1f serialSeconds=%.0f lost=%d%n",
          users, budget, rate, serialRate, bulkSeconds, serialExtrapolated, lost);
      if (lost != 0 || failed != 0 || serialLost != 0) {
        throw new IllegalStateException("users were lost: " + lost + " bulk, " + failed + " failed, " + serialLost + " serial");
      }
    }
  }
}
