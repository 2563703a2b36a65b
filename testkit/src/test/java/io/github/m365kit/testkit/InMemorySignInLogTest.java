package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.spi.SignInLog;

/** Runs the {@link SignInLogContract} on {@link InMemoryTenant}. */
class InMemorySignInLogTest extends SignInLogContract {
  @Override
  protected SignInLog newLog(TenantFixture fixture) {
    return fixture.toInMemoryTenant();
  }
}
