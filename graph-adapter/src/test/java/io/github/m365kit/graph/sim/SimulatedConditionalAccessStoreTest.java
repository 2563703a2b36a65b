package io.github.m365kit.graph.sim;

import io.github.m365kit.spi.ConditionalAccessStore;
import io.github.m365kit.testkit.ConditionalAccessStoreContract;
import io.github.m365kit.testkit.TenantFixture;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link ConditionalAccessStoreContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}. */
class SimulatedConditionalAccessStoreTest extends ConditionalAccessStoreContract {
  private SimulatedBackend sim;

  @Override
  protected ConditionalAccessStore newStore(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.conditionalAccess();
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
