package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.model.Upn;
import java.util.Optional;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Wire tests of {@link GraphInsightsStore}: the exact requests, and how errors are mapped. */
class GraphInsightsStoreTest extends WireTestSupport {
  static final String SYSTEM_ANCHOR = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TENANT;
  static final String GROUP = "0b7c6a2e-3f41-4d5e-9a8b-1c2d3e4f5a6b";
  static final Upn HOSTILE = Upn.of("o'brien#x@contoso.com");

  // ---------------------------------------------------------------- Graph item insights

  @Test
  void itemInsightsOrg_getsAdminPeopleItemInsights() throws Exception {
    server.enqueue(json("{\"isEnabledInOrganization\":false,\"disabledForGroup\":\"" + GROUP + "\"}"));

    ItemInsightsOrgSettings s = backend.insights().itemInsightsOrg();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "admin", "people", "itemInsights");
    assertThat(r.getRequestUrl().query()).isNull();
    assertThat(s).isEqualTo(new ItemInsightsOrgSettings(false, Optional.of(GROUP)));
  }

  @Test
  void itemInsightsOrg_whenPropertiesNull_isTheDefault() throws Exception {
    server.enqueue(json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}"));

    assertThat(backend.insights().itemInsightsOrg()).isEqualTo(ItemInsightsOrgSettings.defaults());
  }

  @Test
  void setItemInsightsOrg_patchesBothProperties_andClearsGroupWithExplicitNull() throws Exception {
    server.enqueue(json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP + "\"}"));
    server.enqueue(json("{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}"));

    backend.insights().setItemInsightsOrg(new ItemInsightsOrgSettings(true, Optional.of(GROUP)));
    backend.insights().setItemInsightsOrg(new ItemInsightsOrgSettings(false, Optional.empty()));

    RecordedRequest set = take();
    assertThat(set.getMethod()).isEqualTo("PATCH");
    assertThat(set.getRequestUrl().pathSegments()).containsExactly("v1.0", "admin", "people", "itemInsights");
    assertThat(set.getHeader("Content-Type")).startsWith("application/json");
    assertThat(set.getBody().readUtf8()).isEqualTo("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP + "\"}");
    assertThat(take().getBody().readUtf8()).isEqualTo("{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}");
  }

  @Test
  void setItemInsightsOrg_whenGroupIsNotAnId_sendsNothing() {
    assertThatThrownBy(() -> backend.insights().setItemInsightsOrg(new ItemInsightsOrgSettings(true, Optional.of("\"},{\"x\":1"))))
        .isInstanceOf(io.github.m365kit.InvalidInputException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void setItemInsightsOrg_when403_isAccessDenied_withoutToken() {
    server.enqueue(json(403, graphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));

    Throwable t = catchThrowable(() -> backend.insights().setItemInsightsOrg(ItemInsightsOrgSettings.defaults()));

    assertThat(t).isInstanceOf(AccessDeniedException.class).hasMessageContaining("PATCH /admin/people/itemInsights")
        .hasMessageContaining("Insufficient privileges");
    assertNoToken(t);
  }

  @Test
  void itemInsightsEnabled_getsUserSettings_withPercentEncodedUpn() throws Exception {
    server.enqueue(json("{\"isEnabled\":false}"));

    boolean enabled = backend.insights().itemInsightsEnabled(HOSTILE);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", HOSTILE.toString(), "settings", "itemInsights");
    assertThat(r.getPath()).doesNotContain("#").contains("%23");
    assertThat(enabled).isFalse();
  }

  @Test
  void setItemInsightsEnabled_patchesIsEnabledOnly() throws Exception {
    server.enqueue(json("{\"isEnabled\":false}"));

    backend.insights().setItemInsightsEnabled(Upn.of("jane.doe@contoso.com"), false);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", "jane.doe@contoso.com", "settings", "itemInsights");
    assertThat(body(r)).isEqualTo(com.google.gson.JsonParser.parseString("{\"isEnabled\":false}"));
  }

  @Test
  void itemInsightsEnabled_when404_isNotFound() {
    server.enqueue(json(404, graphError("Request_ResourceNotFound", "Resource 'nobody@contoso.com' does not exist.")));

    Throwable t = catchThrowable(() -> backend.insights().itemInsightsEnabled(Upn.of("nobody@contoso.com")));

    assertThat(t).isInstanceOf(NotFoundException.class).hasMessageContaining("nobody@contoso.com");
  }

  // ---------------------------------------------------------------- MyAnalytics through InvokeCommand

  @Test
  void userConfig_runsGetMyAnalyticsFeatureConfig_withIdentity_anchoredOnUser() throws Exception {
    server.enqueue(json("{\"value\":[{\"UserId\":\"jane.doe@contoso.com\",\"PrivacyMode\":\"opt-out\","
        + "\"IsDashboardEnabled\":false,\"IsAddInEnabled\":true,\"IsDigestEmailEnabled\":true}]}"));

    UserInsightsOverrides u = backend.insights().userConfig(Upn.of("jane.doe@contoso.com"));

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("adminapi", "beta", TENANT, "InvokeCommand");
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo("UPN:jane.doe@contoso.com");
    JsonObject p = ExchangeMailboxStoreTest.params(r, "Get-MyAnalyticsFeatureConfig");
    assertThat(p.keySet()).containsExactly("Identity");
    assertThat(p.get("Identity").getAsString()).isEqualTo("jane.doe@contoso.com");
    assertThat(u.privacyMode()).contains(PrivacyMode.OPT_OUT);
    assertThat(u.feature(UserFeature.DASHBOARD)).contains(false);
    assertThat(u.feature(UserFeature.ADD_IN)).contains(true);
    assertThat(u.feature(UserFeature.DIGEST_EMAIL)).contains(true);
  }

  @Test
  void setUserPrivacyMode_sendsIdentityAndPrivacyMode_jsonEscaped() throws Exception {
    server.enqueue(json("{\"value\":[]}"));

    backend.insights().setUserPrivacyMode(HOSTILE, PrivacyMode.OPT_OUT);

    RecordedRequest r = take();
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo("UPN:" + HOSTILE);
    assertThat(r.getBody().readUtf8()).isEqualTo("{\"CmdletInput\":{\"CmdletName\":\"Set-MyAnalyticsFeatureConfig\","
        + "\"Parameters\":{\"Identity\":\"o'brien#x@contoso.com\",\"PrivacyMode\":\"opt-out\"}}}");
  }

  @Test
  void setUserFeature_sendsFeatureAndBooleanIsEnabled() throws Exception {
    server.enqueue(json("{\"value\":[]}"));

    backend.insights().setUserFeature(Upn.of("jane.doe@contoso.com"), UserFeature.DIGEST_EMAIL, false);

    JsonObject p = ExchangeMailboxStoreTest.params(take(), "Set-MyAnalyticsFeatureConfig");
    assertThat(p.keySet()).containsExactly("Identity", "Feature", "IsEnabled");
    assertThat(p.get("Feature").getAsString()).isEqualTo("digest-email");
    assertThat(p.get("IsEnabled").getAsJsonPrimitive().isBoolean()).isTrue();
    assertThat(p.get("IsEnabled").getAsBoolean()).isFalse();
  }

  @Test
  void tenantDefaults_readsIsFeatureEnabled_andDefaultsMissingOnes() throws Exception {
    server.enqueue(json("{\"value\":[{\"IsDigestEmailEnabled\":false,\"IsMeetingEffectivenessSurveyEnabled\":false,"
        + "\"PrivacyMode\":\"opt-out\"}]}"));

    TenantInsightsDefaults d = backend.insights().tenantDefaults();

    RecordedRequest r = take();
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo(SYSTEM_ANCHOR);
    assertThat(ExchangeMailboxStoreTest.params(r, "Get-DefaultTenantMyAnalyticsFeatureConfig").keySet()).isEmpty();
    assertThat(d.isEnabled(TenantFeature.DIGEST_EMAIL)).isFalse();
    assertThat(d.isEnabled(TenantFeature.MEETING_EFFECTIVENESS_SURVEY)).isFalse();
    assertThat(d.isEnabled(TenantFeature.DASHBOARD)).isTrue();
    assertThat(d.isEnabled(TenantFeature.ADD_IN)).isTrue();
    assertThat(d.defaultPrivacyMode()).isEqualTo(PrivacyMode.OPT_OUT);
  }

  @Test
  void setTenantDefault_sendsCmdletFeatureValue_anchoredOnSystemMailbox() throws Exception {
    server.enqueue(json("{\"value\":[]}"));

    backend.insights().setTenantDefault(TenantFeature.SCHEDULE_SEND, false);

    RecordedRequest r = take();
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo(SYSTEM_ANCHOR);
    assertThat(r.getBody().readUtf8()).isEqualTo("{\"CmdletInput\":{\"CmdletName\":\"Set-DefaultTenantMyAnalyticsFeatureConfig\","
        + "\"Parameters\":{\"Feature\":\"Schedule-send\",\"IsEnabled\":false}}}");
  }

  @Test
  void setTenantDefault_whenNoDocumentedCmdletValue_refusesWithoutCalling() {
    assertThatThrownBy(() -> backend.insights().setTenantDefault(TenantFeature.WEEKLY_INSIGHTS_EMAIL, false))
        .isInstanceOf(io.github.m365kit.InvalidInputException.class).hasMessageContaining("admin center");
    assertThatThrownBy(() -> backend.insights().setTenantDefaultPrivacyMode(PrivacyMode.OPT_OUT))
        .isInstanceOf(io.github.m365kit.InvalidInputException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void userConfig_whenIdentityUnknown_isNotFound() {
    server.enqueue(json(400, ExchangeMailboxStoreTest.exoError("Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
        "The operation couldn't be performed because object 'nobody@contoso.com' couldn't be found.")));

    assertThat(catchThrowable(() -> backend.insights().userConfig(Upn.of("nobody@contoso.com")))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void setUserFeature_when403_isAccessDenied() {
    server.enqueue(json(403, ExchangeMailboxStoreTest.exoError("Microsoft.Exchange.Management.Tasks.AccessDeniedException",
        "The user isn't assigned to any management roles.")));

    Throwable t = catchThrowable(() -> backend.insights().setUserFeature(Upn.of("jane.doe@contoso.com"), UserFeature.ADD_IN, true));

    assertThat(t).isInstanceOf(AccessDeniedException.class);
    assertNoToken(t);
  }

  @Test
  void property_buildsIsFeatureEnabledNames() {
    assertThat(GraphInsightsStore.property("add-in")).isEqualTo("IsAddInEnabled");
    assertThat(GraphInsightsStore.property("Digest-email")).isEqualTo("IsDigestEmailEnabled");
    assertThat(GraphInsightsStore.property("Meeting-effectiveness-survey")).isEqualTo("IsMeetingEffectivenessSurveyEnabled");
  }
}
