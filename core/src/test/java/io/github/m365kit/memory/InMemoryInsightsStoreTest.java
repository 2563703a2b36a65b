package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.BackendException;
import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.model.Upn;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The out-of-the-box state of the in-memory insights store and the separation of item insights from MyAnalytics. */
class InMemoryInsightsStoreTest {
  private static final Upn JANE = DemoCast.JANE;
  private static final Upn BIG = DemoCast.BIG;
  private final InMemoryInsightsStore store = new InMemoryInsightsStore();

  @Test
  void startsInTheDocumentedDefaultState() {
    assertThat(store.tenantDefaults()).isEqualTo(TenantInsightsDefaults.microsoftDefaults());
    assertThat(store.userConfig(JANE)).isEqualTo(UserInsightsOverrides.none(JANE));
    assertThat(store.itemInsightsOrg()).isEqualTo(ItemInsightsOrgSettings.defaults());
    assertThat(store.itemInsightsEnabled(JANE)).isTrue();
  }

  @Test
  void itemInsights_arePerUser_andApartFromMyAnalytics() {
    store.setItemInsightsEnabled(JANE, false);
    assertThat(store.itemInsightsEnabled(JANE)).isFalse();
    assertThat(store.itemInsightsEnabled(BIG)).isTrue();
    assertThat(store.userConfig(JANE)).isEqualTo(UserInsightsOverrides.none(JANE)); // MyAnalytics untouched
    store.setUserFeature(BIG, UserFeature.ALL, false);
    store.setUserPrivacyMode(BIG, PrivacyMode.OPT_OUT);
    assertThat(store.itemInsightsEnabled(BIG)).isTrue();
    assertThat(store.userConfig(BIG).feature(UserFeature.DASHBOARD)).contains(false);
    assertThat(store.userConfig(BIG).privacyMode()).contains(PrivacyMode.OPT_OUT);
    store.setItemInsightsOrg(new ItemInsightsOrgSettings(false, Optional.empty()));
    assertThat(store.itemInsightsEnabled(JANE)).isFalse();
    assertThat(store.itemInsightsEnabled(BIG)).isTrue(); // the org switch does not rewrite user settings
    store.setItemInsightsEnabled(JANE, true);
    assertThat(store.itemInsightsEnabled(JANE)).isTrue();
  }

  @Test
  void tenantDefaults_changeOneFeatureOrThePrivacyModeAtATime() {
    store.setTenantDefault(TenantFeature.DIGEST_EMAIL, false);
    store.setTenantDefaultPrivacyMode(PrivacyMode.OPT_OUT);
    assertThat(store.tenantDefaults()).isEqualTo(TenantInsightsDefaults.microsoftDefaults().with(TenantFeature.DIGEST_EMAIL, false).with(PrivacyMode.OPT_OUT));
  }

  @Test
  void aStoreOfItsOwn_hasItsOwnFaultInjector() {
    store.faults().throttleNth("itemInsightsEnabled", 1, java.time.Duration.ofSeconds(2)).permanentNth("setItemInsightsEnabled", 1);
    assertThatThrownBy(() -> store.itemInsightsEnabled(JANE)).isInstanceOf(io.github.m365kit.ThrottledException.class);
    assertThatThrownBy(() -> store.setItemInsightsEnabled(JANE, false)).isInstanceOf(BackendException.class);
    assertThat(store.itemInsightsEnabled(JANE)).isTrue();
    InMemoryTenant tenant = InMemoryTenant.demo();
    assertThat(tenant.insights().faults()).isSameAs(tenant.faults()); // a tenant's store shares the tenant's
  }
}
