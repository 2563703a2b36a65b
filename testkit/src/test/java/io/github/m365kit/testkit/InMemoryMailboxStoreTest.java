package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.spi.MailboxStore;
import java.time.Duration;

/** Runs the {@link MailboxStoreContract} on {@link InMemoryTenant}. */
class InMemoryMailboxStoreTest extends MailboxStoreContract {
  private InMemoryTenant tenant;

  @Override
  protected MailboxStore newStore(TenantFixture fixture) {
    tenant = fixture.toInMemoryTenant();
    return tenant;
  }

  @Override
  protected void advanceClock(Duration duration) {
    tenant.simulatedClock().advance(duration);
  }
}
