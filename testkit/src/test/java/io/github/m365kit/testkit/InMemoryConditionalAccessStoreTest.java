package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.spi.ConditionalAccessStore;

/** Runs the {@link ConditionalAccessStoreContract} on {@link InMemoryTenant}. */
class InMemoryConditionalAccessStoreTest extends ConditionalAccessStoreContract {
  @Override
  protected ConditionalAccessStore newStore(TenantFixture fixture) {
    return fixture.toInMemoryTenant();
  }
}
