package io.github.m365kit.testkit;

import static io.github.m365kit.testkit.TenantFixture.HOSTILE;
import static io.github.m365kit.testkit.TenantFixture.LICENSED;
import static io.github.m365kit.testkit.TenantFixture.TRUSTEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.spi.InsightsStore;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InsightsStore} must have: the documented out-of-the-box state, round trips of tenant
 * defaults, per-user MyAnalytics settings and Graph item insights, and the separation of MyAnalytics from item
 * insights. Extend it and return a fresh store for a tenant holding the {@link TenantFixture} users from
 * {@link #newStore(TenantFixture)}.
 *
 * <p>Only tenant features with a documented {@code -Feature} value are exercised, and the tenant default privacy mode
 * is only read: a backend on the real cmdlets cannot set the others. A backend that reads effective values (the real
 * {@code Get-MyAnalyticsFeatureConfig}) may report a user's unset values as set; the assertions compare effective
 * values where that matters.
 */
public abstract class InsightsStoreContract extends PortContract {
  /** The store under test, fresh for each test. */
  protected InsightsStore store;

  /** Creates the contract. */
  protected InsightsStoreContract() {}

  /**
   * Creates a fresh backend holding the fixture's users and the documented default insights settings.
   *
   * @param fixture the state to create
   * @return the store to test
   */
  protected abstract InsightsStore newStore(TenantFixture fixture);

  /** Creates the store for the next test. */
  @BeforeEach
  final void createStore() {
    store = newStore(TenantFixture.standard());
  }

  @Test
  void tenantDefaults_whenFresh_areMicrosoftDefaults() {
    TenantInsightsDefaults d = store.tenantDefaults();
    for (TenantFeature f : TenantFeature.values()) {
      if (f.cmdletValue().isPresent()) {
        assertThat(d.isEnabled(f)).as(f.name()).isTrue();
      }
    }
    assertThat(d.defaultPrivacyMode()).isEqualTo(PrivacyMode.OPT_IN);
  }

  @Test
  void setTenantDefault_whenDocumentedFeature_roundTripsAndLeavesOthers() {
    store.setTenantDefault(TenantFeature.DIGEST_EMAIL, false);
    TenantInsightsDefaults d = store.tenantDefaults();
    assertThat(d.isEnabled(TenantFeature.DIGEST_EMAIL)).isFalse();
    assertThat(d.isEnabled(TenantFeature.DASHBOARD)).isTrue();
    store.setTenantDefault(TenantFeature.DIGEST_EMAIL, true);
    assertThat(store.tenantDefaults().isEnabled(TenantFeature.DIGEST_EMAIL)).isTrue();
  }

  @Test
  void userConfig_whenNothingSet_isEffectivelyOptedInWithEveryFeatureOn() {
    UserInsightsOverrides u = store.userConfig(LICENSED);
    assertThat(u.user()).isEqualTo(LICENSED);
    assertThat(u.privacyMode().orElse(PrivacyMode.OPT_IN)).isEqualTo(PrivacyMode.OPT_IN);
    for (UserFeature f : UserFeature.values()) {
      if (f != UserFeature.ALL) {
        assertThat(u.feature(f).orElse(true)).as(f.name()).isTrue();
      }
    }
  }

  @Test
  void setUserPrivacyMode_roundTripsForThatUserOnly() {
    store.setUserPrivacyMode(LICENSED, PrivacyMode.OPT_OUT);
    assertThat(store.userConfig(LICENSED).privacyMode()).contains(PrivacyMode.OPT_OUT);
    assertThat(store.userConfig(TRUSTEE).privacyMode().orElse(PrivacyMode.OPT_IN)).isEqualTo(PrivacyMode.OPT_IN);
    store.setUserPrivacyMode(LICENSED, PrivacyMode.OPT_IN);
    assertThat(store.userConfig(LICENSED).privacyMode()).contains(PrivacyMode.OPT_IN);
  }

  @Test
  void setUserFeature_roundTripsOneFeature() {
    store.setUserFeature(LICENSED, UserFeature.DASHBOARD, false);
    UserInsightsOverrides u = store.userConfig(LICENSED);
    assertThat(u.feature(UserFeature.DASHBOARD)).contains(false);
    assertThat(u.feature(UserFeature.ADD_IN).orElse(true)).isTrue();
    assertThat(store.tenantDefaults().isEnabled(TenantFeature.DASHBOARD)).as("the tenant default is untouched").isTrue();
  }

  @Test
  void setUserFeature_whenAll_setsEveryFeature() {
    store.setUserFeature(LICENSED, UserFeature.ALL, false);
    UserInsightsOverrides u = store.userConfig(LICENSED);
    for (UserFeature f : UserFeature.values()) {
      if (f != UserFeature.ALL) {
        assertThat(u.feature(f)).as(f.name()).contains(false);
      }
    }
  }

  @Test
  void setUserPrivacyMode_whenHostileUpn_roundTrips() {
    store.setUserPrivacyMode(HOSTILE, PrivacyMode.OPT_OUT);
    assertThat(store.userConfig(HOSTILE).privacyMode()).contains(PrivacyMode.OPT_OUT);
  }

  @Test
  void itemInsightsOrg_whenFresh_isEnabledWithNoGroup() {
    assertThat(store.itemInsightsOrg()).isEqualTo(ItemInsightsOrgSettings.defaults());
  }

  @Test
  void setItemInsightsOrg_roundTripsAndClearsTheGroup() {
    String group = "0b7c6a2e-3f41-4d5e-9a8b-1c2d3e4f5a6b";
    store.setItemInsightsOrg(new ItemInsightsOrgSettings(true, Optional.of(group)));
    assertThat(store.itemInsightsOrg()).isEqualTo(new ItemInsightsOrgSettings(true, Optional.of(group)));
    store.setItemInsightsOrg(new ItemInsightsOrgSettings(false, Optional.empty()));
    assertThat(store.itemInsightsOrg()).isEqualTo(new ItemInsightsOrgSettings(false, Optional.empty()));
  }

  @Test
  void itemInsightsEnabled_whenFresh_isTrueAndRoundTrips() {
    assertThat(store.itemInsightsEnabled(LICENSED)).isTrue();
    store.setItemInsightsEnabled(LICENSED, false);
    assertThat(store.itemInsightsEnabled(LICENSED)).isFalse();
    assertThat(store.itemInsightsEnabled(TRUSTEE)).isTrue();
    store.setItemInsightsEnabled(HOSTILE, false);
    assertThat(store.itemInsightsEnabled(HOSTILE)).isFalse();
  }

  @Test
  void itemInsights_andMyAnalytics_areSeparateControls() {
    store.setItemInsightsEnabled(LICENSED, false);
    assertThat(store.userConfig(LICENSED).privacyMode().orElse(PrivacyMode.OPT_IN)).isEqualTo(PrivacyMode.OPT_IN);
    store.setUserPrivacyMode(TRUSTEE, PrivacyMode.OPT_OUT);
    assertThat(store.itemInsightsEnabled(TRUSTEE)).isTrue();
    store.setItemInsightsOrg(new ItemInsightsOrgSettings(false, Optional.empty()));
    assertThat(store.tenantDefaults().isEnabled(TenantFeature.DASHBOARD)).isTrue();
  }
}
