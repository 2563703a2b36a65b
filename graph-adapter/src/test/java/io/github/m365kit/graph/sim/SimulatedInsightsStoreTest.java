package io.github.m365kit.graph.sim;

import io.github.m365kit.spi.InsightsStore;
import io.github.m365kit.testkit.InsightsStoreContract;
import io.github.m365kit.testkit.TenantFixture;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link InsightsStoreContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}. */
class SimulatedInsightsStoreTest extends InsightsStoreContract {
  private SimulatedBackend sim;

  @Override
  protected InsightsStore newStore(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.insights();
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
