package io.github.m365kit.graph.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.auth.LegacyAuthBlockApplier;
import io.github.m365kit.auth.LegacyAuthBlockPolicy;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.Upn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Conditional Access throttle (one request a second, 429 without Retry-After) end to end over HTTP. */
class SimulatedConditionalAccessThrottleTest {
  private final SimulatedBackend s = new SimulatedBackend(InMemoryTenant.demo());

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void applier_getThenPost_isThrottledOnce_backsOff_andCreatesExactlyOnePolicy() {
    s.simulator.conditionalAccessRateLimit(true);
    LegacyAuthBlockPolicy policy = LegacyAuthBlockPolicy.builder().excludeUser(s.tenant.getUser(Upn.of("jane.doe@contoso.com")).id()).build();
    long before = s.simulator.requestCount();
    long start = System.nanoTime();

    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(s.backend.conditionalAccess()).apply(policy, false);

    assertThat(r.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.CREATED);
    assertThat(s.simulator.requestCount() - before).as("GET, POST refused with 429, POST after 1 s").isEqualTo(3);
    assertThat(System.nanoTime() - start).as("waited about a second, not the SDK's 3 s").isBetween(900_000_000L, 2_900_000_000L);
    assertThat(s.tenant.listConditionalAccessPolicies()).hasSize(1);
  }
}
