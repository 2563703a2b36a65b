package io.github.m365kit.graph.sim;

import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.testkit.AuthPolicyStoreContract;
import io.github.m365kit.testkit.TenantFixture;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link AuthPolicyStoreContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}. */
class SimulatedAuthPolicyStoreTest extends AuthPolicyStoreContract {
  private SimulatedBackend sim;

  @Override
  protected AuthPolicyStore newStore(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.authPolicies();
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
