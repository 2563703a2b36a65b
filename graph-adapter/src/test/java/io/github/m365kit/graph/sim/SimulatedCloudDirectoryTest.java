package io.github.m365kit.graph.sim;

import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.testkit.CloudDirectoryContract;
import io.github.m365kit.testkit.TenantFixture;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link CloudDirectoryContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}. */
class SimulatedCloudDirectoryTest extends CloudDirectoryContract {
  private SimulatedBackend sim;

  @Override
  protected CloudDirectory newDirectory(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.cloudDirectory();
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
