package io.github.m365kit.graph.sim;

import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.testkit.MailboxStoreContract;
import io.github.m365kit.testkit.TenantFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link MailboxStoreContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}. */
class SimulatedMailboxStoreTest extends MailboxStoreContract {
  private SimulatedBackend sim;

  @Override
  protected MailboxStore newStore(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.mailboxes();
  }

  @Override
  protected void advanceClock(Duration duration) {
    sim.tenant.simulatedClock().advance(duration);
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
