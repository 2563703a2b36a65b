package io.github.m365kit.testkit;

import io.github.m365kit.spi.InsightsStore;

/** Runs the {@link InsightsStoreContract} on {@code InMemoryTenant.insights()}. */
class InMemoryInsightsStoreTest extends InsightsStoreContract {
  @Override
  protected InsightsStore newStore(TenantFixture fixture) {
    return fixture.toInMemoryTenant().insights();
  }
}
