package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.BackendException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType;
import io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.ConditionalAccessPolicy.Users;
import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import io.github.m365kit.spi.OnPremDirectory.RemoteMailboxRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault-injection contract of the in-memory backends that users script their failure tests with: every port
 * method consults {@link Faults} under its documented operation name, the injected error is raised before the call
 * changes anything, and the fault fires once (a retry goes through).
 */
class PortFaultInjectionTest {
  private static final SmtpAddress JANE = SmtpAddress.of("jane.doe@contoso.com");
  private static final SmtpAddress RECEPTION = SmtpAddress.of("reception@contoso.com");

  /** A demo tenant and directory prepared so that each operation below would succeed and change something. */
  static final class Fixture {
    final InMemoryTenant tenant = InMemoryTenant.demo();
    final InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
    final ObjectId group;
    final String caPolicyId;
    final DistinguishedName janeDn;

    Fixture() {
      tenant.create(AuthPolicy.blockAll("Block Basic Auth"));
      tenant.enableUnifiedMessaging(JANE, "4200");
      group = tenant.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", true, "user.department -eq \"Finance\"", false));
      caPolicyId = tenant.createConditionalAccessPolicy(caPolicy("Block legacy authentication")).id().orElseThrow();
      janeDn = ad.findByUpn(DemoCast.JANE).orElseThrow().dn();
      ad.setAccountDisabled(janeDn, true); // the next directorySync would disable Jane in the cloud
    }

    List<Object> insightsState() {
      InMemoryInsightsStore s = tenant.insights();
      return List.of(s.tenantDefaults(), s.userConfig(DemoCast.JANE), s.itemInsightsOrg(), s.itemInsightsEnabled(DemoCast.JANE));
    }

    List<Object> tenantState() {
      return List.of(TenantJson.write(tenant), insightsState());
    }

    List<Object> adState() {
      return List.of(ad.users(), ad.containers());
    }
  }

  static ConditionalAccessPolicy caPolicy(String name) {
    return new ConditionalAccessPolicy(Optional.empty(), name, State.REPORT_ONLY,
        Set.of(ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER), List.of("All"),
        new Users(List.of("All"), List.of(), List.of(), List.of()), Optional.of(new GrantControls("OR", List.of("block"))), false);
  }

  @FunctionalInterface
  interface Op {
    void run(Fixture f);
  }

  private static Arguments op(String name, Op op) {
    return Arguments.of(name, op);
  }

  static Stream<Arguments> tenantOperations() {
    return Stream.of(
        op("enableUnifiedMessaging", f -> f.tenant.enableUnifiedMessaging(JANE, "4201")),
        op("find", f -> f.tenant.find(JANE)),
        op("findByUpn", f -> f.tenant.findByUpn(DemoCast.JANE)),
        op("setType", f -> f.tenant.setType(JANE, MailboxType.SHARED)),
        op("disableUnifiedMessaging", f -> f.tenant.disableUnifiedMessaging(JANE)),
        op("fullAccess", f -> f.tenant.fullAccess(RECEPTION)),
        op("grantFullAccess", f -> f.tenant.grantFullAccess(RECEPTION, DemoCast.ADMIN, true)),
        op("revokeFullAccess", f -> f.tenant.revokeFullAccess(RECEPTION, DemoCast.ADMIN)),
        op("findUser", f -> f.tenant.findUser(DemoCast.JANE)),
        op("forEachUser", f -> f.tenant.forEachUser(u -> { })),
        op("assignLicense", f -> f.tenant.assignLicense(DemoCast.JANE, License.EXCHANGE_ONLINE_PLAN_1)),
        op("removeLicenses", f -> f.tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()))),
        op("setAccountEnabled", f -> f.tenant.setAccountEnabled(DemoCast.CLOUD_ONLY, false)),
        op("mailboxPurpose", f -> f.tenant.mailboxPurpose(DemoCast.JANE)),
        op("revokeSignInSessions", f -> f.tenant.revokeSignInSessions(DemoCast.JANE)),
        op("directorySync", f -> f.tenant.directorySync(f.ad)),
        op("create", f -> f.tenant.create(AuthPolicy.blockAll("Second"))),
        op("findPolicy", f -> f.tenant.find("Block Basic Auth")),
        op("list", f -> f.tenant.list()),
        op("update", f -> f.tenant.update(AuthPolicy.builder().name("Block Basic Auth").addAllowBasicAuth(BasicAuthProtocol.SMTP).build())),
        op("delete", f -> f.tenant.delete("Block Basic Auth")),
        op("assign", f -> f.tenant.assign(DemoCast.JANE, Optional.of("Block Basic Auth"))),
        op("assigned", f -> f.tenant.assigned(DemoCast.JANE)),
        op("usersWith", f -> f.tenant.usersWith("Block Basic Auth")),
        op("refreshTokens", f -> f.tenant.refreshTokens(DemoCast.JANE, f.tenant.clock().instant())),
        op("orgDefault", f -> f.tenant.orgDefault()),
        op("setOrgDefault", f -> f.tenant.setOrgDefault(Optional.of("Block Basic Auth"))),
        op("forEachSignIn", f -> f.tenant.forEachSignIn(Instant.EPOCH, false, e -> { })),
        op("createDynamicGroup", f -> f.tenant.createDynamicGroup(new DynamicGroup(Optional.empty(), "Sales", "sales", true, "user.department -eq \"Sales\"", false))),
        op("findGroup", f -> f.tenant.find(f.group)),
        op("findGroupByMailNickname", f -> f.tenant.findByMailNickname("finance")),
        op("updateRule", f -> f.tenant.updateRule(f.group, "user.department -eq \"Legal\"")),
        op("setProcessingPaused", f -> f.tenant.setProcessingPaused(f.group, true)),
        op("members", f -> f.tenant.members(f.group)),
        op("listConditionalAccessPolicies", f -> f.tenant.listConditionalAccessPolicies()),
        op("findConditionalAccessPolicy", f -> f.tenant.findConditionalAccessPolicy("Block legacy authentication")),
        op("createConditionalAccessPolicy", f -> f.tenant.createConditionalAccessPolicy(caPolicy("Second"))),
        op("updateConditionalAccessPolicy", f -> f.tenant.updateConditionalAccessPolicy(f.caPolicyId, new ConditionalAccessPolicy.Change(Optional.of(State.ENABLED), Optional.empty()))),
        // the tenant's insights store shares the tenant's fault injector
        op("tenantDefaults", f -> f.tenant.insights().tenantDefaults()),
        op("setTenantDefault", f -> f.tenant.insights().setTenantDefault(TenantFeature.DIGEST_EMAIL, false)),
        op("setTenantDefaultPrivacyMode", f -> f.tenant.insights().setTenantDefaultPrivacyMode(PrivacyMode.OPT_OUT)),
        op("userConfig", f -> f.tenant.insights().userConfig(DemoCast.JANE)),
        op("setUserPrivacyMode", f -> f.tenant.insights().setUserPrivacyMode(DemoCast.JANE, PrivacyMode.OPT_OUT)),
        op("setUserFeature", f -> f.tenant.insights().setUserFeature(DemoCast.JANE, UserFeature.DASHBOARD, false)),
        op("itemInsightsOrg", f -> f.tenant.insights().itemInsightsOrg()),
        op("setItemInsightsOrg", f -> f.tenant.insights().setItemInsightsOrg(new ItemInsightsOrgSettings(false, Optional.empty()))),
        op("itemInsightsEnabled", f -> f.tenant.insights().itemInsightsEnabled(DemoCast.JANE)),
        op("setItemInsightsEnabled", f -> f.tenant.insights().setItemInsightsEnabled(DemoCast.JANE, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tenantOperations")
  void tenantOperation_failsUnderItsOwnName_beforeChangingAnything_once(String operation, Op call) {
    Fixture f = new Fixture();
    List<Object> before = f.tenantState();
    int callsBefore = f.tenant.faults().calls(operation);
    f.tenant.faults().permanentNth(operation, 1);

    assertThatThrownBy(() -> call.run(f)).isInstanceOf(BackendException.class)
        .hasMessage("injected: permanent failure of " + operation);
    assertThat(f.tenant.faults().calls(operation)).isEqualTo(callsBefore + 1);
    assertThat(f.tenantState()).isEqualTo(before);

    call.run(f); // the fault fired once: the retry goes through
  }

  static Stream<Arguments> directoryOperations() {
    DistinguishedName jane = DemoCast.STAFF_OU.child("CN", "Jane Doe");
    return Stream.of(
        op("findByUpn", f -> f.ad.findByUpn(DemoCast.JANE)),
        op("findBySamAccountName", f -> f.ad.findBySamAccountName(SamAccountName.of("jdoe"))),
        op("findByAddress", f -> f.ad.findByAddress(JANE)),
        op("get", f -> f.ad.get(jane)),
        op("forEachUser", f -> f.ad.forEachUser(DemoCast.BASE_DN, u -> { })),
        op("setRecipientTypes", f -> f.ad.setRecipientTypes(jane, RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty())),
        op("stampRemoteMailbox", f -> f.ad.stampRemoteMailbox(jane, new RemoteMailboxRecord("SMTP:jd@" + DemoCast.ROUTING_DOMAIN,
            List.of("SMTP:jane.doe@contoso.com"), "jd", RemoteRecipientType.MIGRATED, RecipientTypeDetails.REMOTE_USER_MAILBOX,
            RecipientDisplayType.SYNCED_MAILBOX_USER, UUID.randomUUID()))),
        op("clearUnifiedMessaging", f -> f.ad.clearUnifiedMessaging(DemoCast.STAFF_OU.child("CN", "Reception"))),
        op("setAccountDisabled", f -> f.ad.setAccountDisabled(jane, false)),
        op("move", f -> f.ad.move(jane, DemoCast.DEPARTED_OU)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("directoryOperations")
  void directoryOperation_failsUnderItsOwnName_beforeChangingAnything_once(String operation, Op call) {
    Fixture f = new Fixture();
    List<Object> before = f.adState();
    f.ad.faults().permanentNth(operation, 1);

    assertThatThrownBy(() -> call.run(f)).isInstanceOf(BackendException.class)
        .hasMessage("injected: permanent failure of " + operation);
    assertThat(f.adState()).isEqualTo(before);
    call.run(f);
  }

  @org.junit.jupiter.api.Test
  void aDirectorySharingTheTenantsFaults_failsWithThem() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    InMemoryOnPremDirectory ad = new InMemoryOnPremDirectory(DemoCast.BASE_DN, tenant.faults());
    AdUser u = AdUser.builder().dn(DemoCast.STAFF_OU.child("CN", "A")).samAccountName(SamAccountName.of("a")).build();
    ad.add(u);
    assertThat(ad.faults()).isSameAs(tenant.faults());
    tenant.faults().transientNth("get", 1);
    assertThatThrownBy(() -> ad.get(u.dn())).isInstanceOf(io.github.m365kit.TransientException.class).hasMessageContaining("(get)");
    assertThat(ad.get(u.dn())).isEqualTo(u);
  }
}
