package io.github.m365kit.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.BackendException;
import io.github.m365kit.TransientException;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.memory.InMemoryInsightsStore;
import io.github.m365kit.model.Upn;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryInsightsStoreTest {
  private static final Upn USER = Upn.of("someone@contoso.com");

  @Test
  void newStore_startsInDocumentedDefaultState() {
    InMemoryInsightsStore store = new InMemoryInsightsStore();

    assertThat(store.tenantDefaults()).isEqualTo(TenantInsightsDefaults.microsoftDefaults());
    assertThat(store.tenantDefaults().defaultPrivacyMode()).isEqualTo(PrivacyMode.OPT_IN);
    assertThat(store.userConfig(USER)).isEqualTo(UserInsightsOverrides.none(USER));
    assertThat(store.itemInsightsOrg()).isEqualTo(new ItemInsightsOrgSettings(true, Optional.empty()));
    assertThat(store.itemInsightsEnabled(USER)).isTrue();
  }

  @Test
  void tenantDefaults_describeEverySettingForAnAdmin_withTheCmdletValueWhereOneIsDocumented() {
    TenantInsightsDefaults d = TenantInsightsDefaults.microsoftDefaults().with(TenantFeature.DIGEST_EMAIL, false).with(PrivacyMode.OPT_OUT);
    assertThat(d.describe()).containsExactly(
        "Tenant defaults (users can override each)",
        "  privacy mode: opt-out",
        "  Viva Insights web experience: on (-Feature Dashboard)",
        "  Viva digest emails: off (-Feature Digest-email)",
        "  Weekly insights email (admin center checkbox; no documented cmdlet value): on",
        "  Viva Insights Outlook add-in: on (-Feature Add-in)",
        "  Inline suggestions in Outlook (UNCONFIRMED as a separate toggle): on",
        "  Schedule-send suggestions in Outlook: on (-Feature Schedule-send)",
        "  Meeting effectiveness surveys: on (-Feature Meeting-effectiveness-survey)");
  }

  @Test
  void setUserFeature_all_setsEverySwitchAndKeepsPrivacyMode() {
    InMemoryInsightsStore store = new InMemoryInsightsStore();
    store.setUserPrivacyMode(USER, PrivacyMode.OPT_OUT);

    store.setUserFeature(USER, UserFeature.ALL, false);

    assertThat(store.userConfig(USER)).isEqualTo(new UserInsightsOverrides(USER, Optional.of(PrivacyMode.OPT_OUT),
        Map.of(UserFeature.ADD_IN, false, UserFeature.DASHBOARD, false, UserFeature.DIGEST_EMAIL, false)));
  }

  @Test
  void userConfig_isCaseInsensitiveOnTheUser() {
    InMemoryInsightsStore store = new InMemoryInsightsStore();
    store.setUserPrivacyMode(USER, PrivacyMode.OPT_OUT);

    assertThat(store.userConfig(Upn.of("SOMEONE@contoso.com")).privacyMode()).contains(PrivacyMode.OPT_OUT);
  }

  @Test
  void faults_areRaisedBeforeTheChange() {
    Faults faults = new Faults().permanentNth("setUserPrivacyMode", 1).transientNth("tenantDefaults", 1);
    InMemoryInsightsStore store = new InMemoryInsightsStore(faults);

    assertThatThrownBy(() -> store.setUserPrivacyMode(USER, PrivacyMode.OPT_OUT)).isInstanceOf(BackendException.class);
    assertThatThrownBy(store::tenantDefaults).isInstanceOf(TransientException.class);
    assertThat(store.userConfig(USER).privacyMode()).isEmpty();
    assertThat(store.tenantDefaults().defaultPrivacyMode()).isEqualTo(PrivacyMode.OPT_IN);
    assertThat(store.faults()).isSameAs(faults);
    assertThat(faults.calls("setUserPrivacyMode")).isEqualTo(1);
  }

  @Test
  void values_refuseIncompleteOrInvalidInput() {
    assertThatThrownBy(() -> new TenantInsightsDefaults(Map.of(TenantFeature.DASHBOARD, true), PrivacyMode.OPT_IN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DIGEST_EMAIL");
    assertThatThrownBy(() -> new UserInsightsOverrides(USER, Optional.empty(), Map.of(UserFeature.ALL, true)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
