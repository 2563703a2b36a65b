package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.spi.AuthPolicyStore;

/** Runs the {@link AuthPolicyStoreContract} on {@link InMemoryTenant}. */
class InMemoryAuthPolicyStoreTest extends AuthPolicyStoreContract {
  @Override
  protected AuthPolicyStore newStore(TenantFixture fixture) {
    return fixture.toInMemoryTenant();
  }
}
