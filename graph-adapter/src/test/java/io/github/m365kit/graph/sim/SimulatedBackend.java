package io.github.m365kit.graph.sim;

import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.testkit.TenantFixture;

/** A tenant, a simulator serving it and a {@link GraphBackend} talking to the simulator; closed together. */
final class SimulatedBackend implements AutoCloseable {
  final InMemoryTenant tenant;
  final GraphSimulator simulator;
  final GraphBackend backend;

  SimulatedBackend(InMemoryTenant tenant) {
    this.tenant = tenant;
    this.simulator = GraphSimulator.start(tenant);
    this.backend = simulator.backend();
  }

  static SimulatedBackend of(TenantFixture fixture) {
    return new SimulatedBackend(fixture.toInMemoryTenant());
  }

  @Override
  public void close() {
    backend.close();
    simulator.close();
  }
}
