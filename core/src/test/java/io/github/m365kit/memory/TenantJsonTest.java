package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType;
import io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.ConditionalAccessPolicy.Users;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tenant.json: save then load gives the same state through the public ports; bad files fail with typed errors. */
class TenantJsonTest {
  private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
  private static final License CUSTOM = new License(UUID.fromString("11111111-2222-3333-4444-555555555555"), "CONTOSO_CUSTOM",
      License.ExchangePlan.PLAN_1, true, false);
  private static final Upn ANN = Upn.of("ann.guest@contoso.com");
  private static final Upn MAX = Upn.of("max.holds@contoso.com");

  @TempDir
  Path dir;

  /** The demo plus every kind of state tenant.json carries. */
  private static InMemoryTenant richTenant() {
    InMemoryTenant t = InMemoryTenant.demo();
    t.addUser(CloudUser.builder().id(new ObjectId(UUID.nameUUIDFromBytes("ann".getBytes()))).userPrincipalName(ANN).displayName("Ann Guest")
        .mail(SmtpAddress.of("ann@fabrikam.com")).accountEnabled(false).userType(UserType.GUEST).department("Audit").jobTitle("Auditor")
        .country("New Zealand").usageLocation("NZ").onPremisesDistinguishedName("CN=Ann,OU=Guests,DC=contoso,DC=com")
        .addLicenses(License.EXCHANGE_ONLINE_PLAN_1, CUSTOM).putOtherProperties("onPremisesExtensionAttributes.extensionAttribute1", "cost-42").build());
    t.addUser(CloudUser.builder().id(new ObjectId(UUID.nameUUIDFromBytes("max".getBytes()))).userPrincipalName(MAX).addLicenses(License.OFFICE_365_E5).build());
    t.addMailbox(Mailbox.builder().primarySmtpAddress(SmtpAddress.of(MAX.value())).userPrincipalName(MAX).alias("max").type(MailboxType.SHARED)
        .exchangeGuid(UUID.nameUUIDFromBytes("mbx:max".getBytes())).addInPlaceHolds("UniH1", "UniH2")
        .addEmailAddresses("SMTP:max.holds@contoso.com", "smtp:max@contoso.mail.onmicrosoft.com", "X500:/o=Contoso/cn=max").build());
    t.grantFullAccess(SmtpAddress.of("reception@contoso.com"), DemoCast.ADMIN, false);
    t.grantFullAccess(SmtpAddress.of("reception@contoso.com"), DemoCast.JANE, true);
    // Pop's mailbox is disconnected; Jane has been unlicensed for 10 days
    t.removeLicenses(DemoCast.LEGACY.get(1), Set.of(License.OFFICE_365_E3.skuId()));
    t.simulatedClock().advance(Duration.ofDays(30));
    t.disconnectedMailboxes(); // a read lets the tenant see the end of Pop's grace period
    t.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    t.simulatedClock().advance(Duration.ofDays(10));
    t.create(AuthPolicy.builder().name("Allow SMTP").addAllowBasicAuth(BasicAuthProtocol.SMTP, BasicAuthProtocol.IMAP).build());
    t.create(AuthPolicy.blockAll("Block Basic Auth"));
    t.assign(DemoCast.LEGACY.get(2), Optional.of("Allow SMTP"));
    t.setOrgDefault(Optional.of("Block Basic Auth"));
    t.refreshTokens(DemoCast.JANE, START.plus(Duration.ofDays(31)));
    t.revokeSignInSessions(DemoCast.BIG);
    ObjectId finance = t.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", true, "user.department -eq \"Finance\"", false));
    t.setProcessingPaused(finance, true);
    t.createConditionalAccessPolicy(new ConditionalAccessPolicy(Optional.empty(), "Block legacy authentication", State.REPORT_ONLY,
        Set.of(ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER), List.of("All"),
        new Users(List.of("All"), List.of("break-glass-id"), List.of("group-in"), List.of("group-out")),
        Optional.of(new GrantControls("OR", List.of("block"))), false));
    return t;
  }

  private static List<Object> state(InMemoryTenant t) {
    List<Object> s = new ArrayList<>();
    s.add(t.name());
    s.add(t.clock().instant());
    s.add(t.users());
    s.add(t.mailboxes());
    for (Mailbox m : t.mailboxes()) {
      s.add(t.fullAccess(m.primarySmtpAddress()));
      s.add(t.unlicensedSince(m.userPrincipalName()));
    }
    s.add(t.disconnectedMailboxes());
    s.add(t.list());
    for (CloudUser u : t.users()) {
      s.add(t.assigned(u.userPrincipalName()));
      s.add(t.refreshTokensValidFrom(u.userPrincipalName()));
    }
    s.add(t.orgDefault());
    s.add(t.listConditionalAccessPolicies());
    ObjectId finance = new ObjectId(DemoCast.guid("group:finance"));
    s.add(t.find(finance));
    s.add(t.members(finance));
    List<SignInEvent> events = new ArrayList<>();
    t.forEachSignIn(Instant.EPOCH, false, events::add);
    s.add(events);
    return s;
  }

  @Test
  void saveThenLoad_givesTheSameState() {
    InMemoryTenant t = richTenant();
    Path file = dir.resolve("scenarios/rich/tenant.json");
    TenantJson.save(t, file);
    InMemoryTenant copy = TenantJson.load(file);
    assertThat(state(copy)).isEqualTo(state(t));
    // spot checks of what the comparison covers
    assertThat(copy.getUser(ANN).licenses()).containsExactly(License.EXCHANGE_ONLINE_PLAN_1, CUSTOM);
    assertThat(copy.getUser(ANN).otherProperties()).containsEntry("onPremisesExtensionAttributes.extensionAttribute1", "cost-42");
    assertThat(copy.unlicensedSince(DemoCast.JANE)).contains(START.plus(Duration.ofDays(30)));
    assertThat(copy.disconnectedMailboxes()).containsEntry(DemoCast.LEGACY.get(1), START.plus(Duration.ofDays(30)));
    assertThat(copy.orgDefault()).contains("Block Basic Auth");
    assertThat(copy.refreshTokensValidFrom(DemoCast.JANE)).contains(START.plus(Duration.ofDays(31)));
    assertThat(copy.getUser(DemoCast.BIG).signInSessionsValidFrom()).contains(START.plus(Duration.ofDays(40)));
    // and the loaded tenant goes on from there: Jane's grace period ends 20 days later, not 30
    copy.simulatedClock().advance(Duration.ofDays(20));
    assertThat(copy.findByUpn(DemoCast.JANE)).isEmpty();
  }

  @Test
  void handWrittenJson_withDefaultsAndLicensesByPartNumber() {
    InMemoryTenant t = TenantJson.parse("""
        {"now": "2026-01-01T00:00:00Z",
         "users": [{"userPrincipalName": "a@contoso.com", "licenses": ["exchangestandard",
                    {"skuId": "11111111-2222-3333-4444-555555555555", "skuPartNumber": "X", "exchangePlan": "plan_2"}]}],
         "mailboxes": [{"userPrincipalName": "a@contoso.com", "type": "Regular"}]}
        """);
    assertThat(t.name()).isEqualTo("contoso.onmicrosoft.com");
    assertThat(t.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    CloudUser a = t.getUser(Upn.of("a@contoso.com"));
    assertThat(a.licenses()).containsExactly(License.EXCHANGE_ONLINE_PLAN_1,
        new License(UUID.fromString("11111111-2222-3333-4444-555555555555"), "X", License.ExchangePlan.PLAN_2, false, false));
    assertThat(a.accountEnabled()).isTrue();
    assertThat(a.userType()).isEqualTo(UserType.MEMBER);
    Mailbox m = t.get(SmtpAddress.of("a@contoso.com"));
    assertThat(m.type()).isEqualTo(MailboxType.USER);
    assertThat(m.alias()).isEqualTo("a");
  }

  @Test
  void badTenantJson_failsWithATypedErrorNamingTheProblem() {
    assertThatThrownBy(() -> TenantJson.parse("{\"users\": [{}]}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing field 'userPrincipalName'");
    assertThatThrownBy(() -> TenantJson.parse("{\"users\": [{\"userPrincipalName\": \"a@contoso.com\", \"licenses\": [\"NOPE\"]}]}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown SKU part number")
        .satisfies(e -> assertThat(((InvalidInputException) e).value()).isEqualTo("NOPE"));
    assertThatThrownBy(() -> TenantJson.parse("{\"users\": [{\"userPrincipalName\": \"a@contoso.com\", \"licenses\": [{\"skuPartNumber\": \"X\"}]}]}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing field 'skuId'");
    assertThatThrownBy(() -> TenantJson.parse("{\"now\": \"yesterday\"}")).isInstanceOf(InvalidInputException.class).hasMessageContaining("bad value");
    assertThatThrownBy(() -> TenantJson.parse("{\"mailboxes\": [{\"userPrincipalName\": \"ghost@contoso.com\"}]}")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ghost@contoso.com");
    String longBad = "{\"tenant\": \"" + "x".repeat(80) + "\",";
    assertThatThrownBy(() -> TenantJson.parse(longBad)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).value()).isEqualTo(longBad.substring(0, 60)));
  }

  @Test
  void load_ofAMissingOrNonUtf8File_failsWithATypedError() throws Exception {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> TenantJson.load(missing)).isInstanceOf(BackendException.class).hasMessageContaining("cannot read " + missing);
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, "{\"tenant\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> TenantJson.load(latin1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
  }

  @Test
  void save_whereTheParentIsAFile_failsWithATypedError() throws Exception {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "x");
    assertThatThrownBy(() -> TenantJson.save(InMemoryTenant.demo(), blocker.resolve("tenant.json"))).isInstanceOf(BackendException.class)
        .hasMessageContaining("cannot write");
  }

  @Test
  void insightsSettings_surviveSaveAndLoad() {
    InMemoryTenant t = InMemoryTenant.demo();
    InMemoryInsightsStore in = t.insights();
    Upn jane = DemoCast.JANE;
    in.setTenantDefault(io.github.m365kit.insights.TenantFeature.WEEKLY_INSIGHTS_EMAIL, false);
    in.setTenantDefaultPrivacyMode(io.github.m365kit.insights.PrivacyMode.OPT_OUT);
    in.setUserPrivacyMode(jane, io.github.m365kit.insights.PrivacyMode.OPT_IN);
    in.setUserFeature(jane, io.github.m365kit.insights.UserFeature.DASHBOARD, false);
    in.setUserFeature(DemoCast.CLOUD_ONLY, io.github.m365kit.insights.UserFeature.DIGEST_EMAIL, true);
    String group = UUID.nameUUIDFromBytes("g".getBytes(StandardCharsets.UTF_8)).toString();
    in.setItemInsightsOrg(new io.github.m365kit.insights.ItemInsightsOrgSettings(false, Optional.of(group)));
    in.setItemInsightsEnabled(jane, false);

    String json = TenantJson.write(t);
    InMemoryInsightsStore out = TenantJson.parse(json).insights();

    assertThat(out.tenantDefaults()).isEqualTo(in.tenantDefaults());
    assertThat(out.userConfig(jane)).isEqualTo(in.userConfig(jane));
    assertThat(out.userConfig(DemoCast.CLOUD_ONLY)).isEqualTo(in.userConfig(DemoCast.CLOUD_ONLY));
    assertThat(out.userConfig(DemoCast.BIG)).isEqualTo(io.github.m365kit.insights.UserInsightsOverrides.none(DemoCast.BIG));
    assertThat(out.itemInsightsOrg()).isEqualTo(in.itemInsightsOrg());
    assertThat(out.itemInsightsEnabled(jane)).isFalse();
    assertThat(out.itemInsightsEnabled(DemoCast.CLOUD_ONLY)).isTrue();
    assertThat(TenantJson.write(TenantJson.parse(json))).isEqualTo(json);
  }

  @Test
  void insightsSettings_absentMeanMicrosoftDefaults_andBadValuesAreTypedErrors() {
    InMemoryTenant t = TenantJson.parse("{\"tenant\":\"contoso.onmicrosoft.com\"}");
    assertThat(t.insights().tenantDefaults()).isEqualTo(io.github.m365kit.insights.TenantInsightsDefaults.microsoftDefaults());
    assertThat(t.insights().itemInsightsOrg()).isEqualTo(io.github.m365kit.insights.ItemInsightsOrgSettings.defaults());
    assertThatThrownBy(() -> TenantJson.parse("{\"insights\":{\"tenantDefaults\":{\"features\":{\"DIGEST_EMAIL\":\"yes\"}}}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be true or false");
    assertThatThrownBy(() -> TenantJson.parse("{\"insights\":{\"tenantDefaults\":{\"features\":{\"NO_SUCH\":true}}}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("NO_SUCH");
    assertThatThrownBy(() -> TenantJson.parse("{\"insights\":{\"users\":{\"jane.doe@contoso.com\":{\"privacyMode\":\"maybe\"}}}}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maybe");
  }
}
