package io.github.m365kit.graph.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.spi.InsightsStore;
import io.github.m365kit.testkit.InsightsStoreContract;
import io.github.m365kit.testkit.TenantFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link InsightsStoreContract} on the Graph adapter, over HTTP, against {@link GraphSimulator}, plus what
 * only the service (and so the simulator) checks: that the user exists.
 */
class SimulatedInsightsStoreTest extends InsightsStoreContract {
  private SimulatedBackend sim;

  @Override
  protected InsightsStore newStore(TenantFixture fixture) {
    sim = SimulatedBackend.of(fixture);
    return sim.backend.insights();
  }

  @AfterEach
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void unknownUser_isNotFound_onGraphAndOnExchange() {
    assertThatThrownBy(() -> store.itemInsightsEnabled(TenantFixture.MISSING)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.setItemInsightsEnabled(TenantFixture.MISSING, false)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.userConfig(TenantFixture.MISSING)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.setUserPrivacyMode(TenantFixture.MISSING, PrivacyMode.OPT_OUT)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void tenantSettingsWithoutCmdletParameter_areRefusedAndLeaveTheTenantAlone() {
    long before = sim.simulator.requestCount();
    assertThatThrownBy(() -> store.setTenantDefault(TenantFeature.WEEKLY_INSIGHTS_EMAIL, false)).isInstanceOf(io.github.m365kit.InvalidInputException.class);
    assertThatThrownBy(() -> store.setTenantDefaultPrivacyMode(PrivacyMode.OPT_OUT)).isInstanceOf(io.github.m365kit.InvalidInputException.class);
    org.assertj.core.api.Assertions.assertThat(sim.simulator.requestCount()).isEqualTo(before);
    org.assertj.core.api.Assertions.assertThat(sim.tenant.insights().tenantDefaults().isEnabled(TenantFeature.WEEKLY_INSIGHTS_EMAIL)).isTrue();
  }
}
