package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.spi.CloudDirectory;

/** Runs the {@link CloudDirectoryContract} on {@link InMemoryTenant}. */
class InMemoryCloudDirectoryTest extends CloudDirectoryContract {
  @Override
  protected CloudDirectory newDirectory(TenantFixture fixture) {
    return fixture.toInMemoryTenant();
  }
}
