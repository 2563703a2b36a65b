package io.github.m365kit.graph.sim;

import io.github.m365kit.spi.SignInLog;
import io.github.m365kit.testkit.Capability;
import io.github.m365kit.testkit.SignInLogContract;
import io.github.m365kit.testkit.TenantFixture;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@link SignInLogContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}. */
class SimulatedSignInLogTest extends SignInLogContract {
  private SimulatedBackend sim;

  @Override
  protected SignInLog newLog(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.signInLog();
  }

  /** Graph returns sign-ins newest first and the adapter does not reorder them. */
  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.complementOf(EnumSet.of(Capability.ORDERED_SIGN_INS));
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
