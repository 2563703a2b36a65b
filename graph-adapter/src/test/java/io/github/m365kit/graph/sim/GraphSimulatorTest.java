package io.github.m365kit.graph.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The real adapter (Graph SDK, OkHttp, retries, error mapping) end to end against {@link GraphSimulator}. */
class GraphSimulatorTest {
  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private SimulatedBackend demo() {
    return track(new SimulatedBackend(InMemoryTenant.demo()));
  }

  private <T extends AutoCloseable> T track(T c) {
    open.add(c);
    return c;
  }

  private static SmtpAddress address(Upn upn) {
    return SmtpAddress.of(upn.value());
  }

  @Test
  void requests_withoutTheBearerToken_get401() throws Exception {
    SimulatedBackend s = demo();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(s.simulator.graphBaseUrl() + "/v1.0/users")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(s.simulator.graphBaseUrl() + "/v1.0/users"))
        .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> right = http.send(HttpRequest.newBuilder(URI.create(s.simulator.graphBaseUrl() + "/v1.0/users"))
        .header("Authorization", "Bearer " + GraphSimulator.TOKEN).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("InvalidAuthenticationToken");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains(DemoCast.JANE.value());

    GraphBackend stranger = track(GraphBackend.builder(ctx -> Mono.just(new AccessToken("other", OffsetDateTime.now().plusHours(1))), s.simulator.tenantId())
        .graphBaseUrl(s.simulator.graphBaseUrl()).exchangeBaseUrl(s.simulator.exchangeBaseUrl()).build());
    assertThat(catchThrowable(() -> stranger.cloudDirectory().findUser(DemoCast.JANE))).isInstanceOf(AccessDeniedException.class);
    assertThat(catchThrowable(() -> stranger.authPolicies().list())).isInstanceOf(AccessDeniedException.class);
    assertThat(s.simulator.requestCount()).isEqualTo(5);
  }

  @Test
  void findUser_readsTheTenantsUserThroughGraph() {
    SimulatedBackend s = demo();
    CloudUser jane = s.backend.cloudDirectory().findUser(DemoCast.JANE).orElseThrow();

    assertThat(jane).isEqualTo(s.tenant.findUser(DemoCast.JANE).orElseThrow());
    assertThat(s.backend.cloudDirectory().findUser(Upn.of("nobody@contoso.com"))).isEmpty();
  }

  @Test
  void setType_toShared_whenUnlicensed_isRefusedOverHttp_thenWorksOnceLicensed() {
    SimulatedBackend s = demo();
    s.backend.cloudDirectory().removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));

    Throwable refused = catchThrowable(() -> s.backend.mailboxes().setType(address(DemoCast.JANE), MailboxType.SHARED));

    assertThat(refused).isInstanceOf(ServiceRuleException.class);
    assertThat(((ServiceRuleException) refused).rule()).isEqualTo(Rule.CONVERSION_REQUIRES_LICENSE);
    assertThat(s.tenant.findByUpn(DemoCast.JANE).orElseThrow().type()).isEqualTo(MailboxType.USER);

    s.backend.cloudDirectory().assignLicense(DemoCast.JANE, License.OFFICE_365_E3);
    s.backend.mailboxes().setType(address(DemoCast.JANE), MailboxType.SHARED);
    assertThat(s.backend.mailboxes().findByUpn(DemoCast.JANE).orElseThrow().type()).isEqualTo(MailboxType.SHARED);
    assertThat(s.tenant.findByUpn(DemoCast.JANE).orElseThrow().type()).isEqualTo(MailboxType.SHARED);
  }

  @Test
  void removeLicenses_fromBigSharedMailbox_isRefused_andTheLicenseStays() {
    SimulatedBackend s = demo();
    s.backend.mailboxes().setType(address(DemoCast.BIG), MailboxType.SHARED);

    Throwable refused = catchThrowable(() -> s.backend.cloudDirectory().removeLicenses(DemoCast.BIG, Set.of(License.OFFICE_365_E3.skuId())));

    assertThat(refused).isInstanceOf(ServiceRuleException.class);
    assertThat(((ServiceRuleException) refused).rule()).isEqualTo(Rule.SHARED_MAILBOX_REQUIRES_LICENSE);
    assertThat(s.backend.cloudDirectory().findUser(DemoCast.BIG).orElseThrow().licenses()).containsExactly(License.OFFICE_365_E3);
  }

  @Test
  void setAccountEnabled_onSyncedUser_isOnPremisesMastered_onCloudUser_works() {
    SimulatedBackend s = demo();

    Throwable synced = catchThrowable(() -> s.backend.cloudDirectory().setAccountEnabled(DemoCast.JANE, false));
    s.backend.cloudDirectory().setAccountEnabled(DemoCast.CLOUD_ONLY, false);

    assertThat(synced).isInstanceOf(ServiceRuleException.class);
    assertThat(((ServiceRuleException) synced).rule()).isEqualTo(Rule.ON_PREMISES_MASTERED);
    assertThat(s.tenant.findUser(DemoCast.JANE).orElseThrow().accountEnabled()).isTrue();
    assertThat(s.tenant.findUser(DemoCast.CLOUD_ONLY).orElseThrow().accountEnabled()).isFalse();
  }

  @Test
  void revokeSignInSessions_stampsTheUser() {
    SimulatedBackend s = demo();
    s.backend.cloudDirectory().revokeSignInSessions(DemoCast.CLOUD_ONLY);
    assertThat(s.backend.cloudDirectory().findUser(DemoCast.CLOUD_ONLY).orElseThrow().signInSessionsValidFrom()).contains(T0);
  }

  @Test
  void authPolicies_createAssignDelete_refusesDeleteWhileAssigned() {
    SimulatedBackend s = demo();
    AuthPolicy block = AuthPolicy.builder().name("Block Basic Auth").addAllowBasicAuth(BasicAuthProtocol.values()[0]).build();
    var policies = s.backend.authPolicies();

    policies.create(block);
    Throwable duplicate = catchThrowable(() -> policies.create(block));
    policies.assign(DemoCast.JANE, Optional.of("Block Basic Auth"));
    Throwable whileAssigned = catchThrowable(() -> policies.delete("Block Basic Auth"));

    assertThat(duplicate).isInstanceOf(ConflictException.class);
    assertThat(whileAssigned).isInstanceOf(ConflictException.class).hasMessageContaining("assigned to 1 user");
    assertThat(policies.find("block basic auth")).contains(block);
    assertThat(policies.assigned(DemoCast.JANE)).contains("Block Basic Auth");
    assertThat(policies.usersWith("Block Basic Auth")).containsExactly(DemoCast.JANE);

    policies.assign(DemoCast.JANE, Optional.empty());
    policies.delete("Block Basic Auth");
    assertThat(policies.find("Block Basic Auth")).isEmpty();
    assertThat(s.tenant.list()).isEmpty();
  }

  @Test
  void forEachUser_pagesOver250Users() {
    InMemoryTenant tenant = new InMemoryTenant("sim.onmicrosoft.com", new SimulatedClock(T0));
    for (int i = 0; i < 250; i++) {
      Upn upn = Upn.of("user" + i + "@sim.example");
      tenant.addUser(CloudUser.builder().id(new ObjectId(UUID.nameUUIDFromBytes(upn.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))))
          .userPrincipalName(upn).mail(SmtpAddress.of(upn.value())).build());
    }
    SimulatedBackend s = track(new SimulatedBackend(tenant));
    s.simulator.maxPageSize(100);
    List<CloudUser> seen = new ArrayList<>();

    s.backend.cloudDirectory().forEachUser(seen::add);

    assertThat(seen).containsExactlyElementsOf(tenant.users());
    assertThat(s.simulator.requestCount()).isEqualTo(3);

    tenant.create(AuthPolicy.builder().name("P").build());
    tenant.assign(Upn.of("user249@sim.example"), Optional.of("P"));
    assertThat(s.backend.authPolicies().usersWith("P")).containsExactly(Upn.of("user249@sim.example"));
    assertThat(s.simulator.requestCount()).as("3 pages of users, then Get-AuthenticationPolicy and 3 pages of Get-User").isEqualTo(3 + 1 + 3);
  }

  @Test
  void forEachSignIn_streamsPagesNewestFirst_andFiltersLegacy() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      events.add(new SignInEvent(T0.minusSeconds(60L * i), "user" + (i % 7) + "@contoso.com", "id" + (i % 7), i % 3 == 0 ? "IMAP4" : "Browser",
          0, "", "203.0.113.1", "Office 365 Exchange Online", i % 3 != 0));
    }
    tenant.addSignIns(events);
    SimulatedBackend s = track(new SimulatedBackend(tenant));
    Instant since = T0.minus(Duration.ofDays(3));
    List<SignInEvent> expected = new ArrayList<>();
    tenant.forEachSignIn(since, false, expected::add);
    List<SignInEvent> expectedLegacy = new ArrayList<>();
    tenant.forEachSignIn(since, true, expectedLegacy::add);

    List<SignInEvent> all = new ArrayList<>();
    s.backend.signInLog().forEachSignIn(since, false, all::add);
    long afterAll = s.simulator.requestCount();
    List<SignInEvent> legacy = new ArrayList<>();
    s.backend.signInLog().forEachSignIn(since, true, legacy::add);

    assertThat(all).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(all).isSortedAccordingTo((a, b) -> b.createdDateTime().compareTo(a.createdDateTime()));
    assertThat(afterAll).isEqualTo((expected.size() + 999) / 1000);
    assertThat(legacy).containsExactlyInAnyOrderElementsOf(expectedLegacy).allMatch(SignInEvent::isLegacy);
  }

  @Test
  void mailboxPermissionsAndUm_roundTripThroughInvokeCommand() {
    SimulatedBackend s = demo();
    SmtpAddress reception = address(DemoCast.RECEPTION);

    s.backend.mailboxes().grantFullAccess(reception, DemoCast.JANE, true);
    assertThat(s.backend.mailboxes().fullAccess(reception)).extracting(p -> p.trustee()).containsExactly(DemoCast.JANE);
    s.backend.mailboxes().revokeFullAccess(reception, DemoCast.JANE);
    Throwable um = catchThrowable(() -> s.backend.mailboxes().disableUnifiedMessaging(reception));

    assertThat(s.tenant.fullAccess(reception)).isEmpty();
    assertThat(um).isInstanceOf(ServiceRuleException.class);
    assertThat(((ServiceRuleException) um).rule()).isEqualTo(Rule.UM_LICENSE_VALIDATION);
    // The UM extension travels as an EUM: proxy address, which the adapter reads back as umExtension.
    assertThat(s.backend.mailboxes().find(reception).orElseThrow()).usingRecursiveComparison().ignoringFields("emailAddresses")
        .isEqualTo(s.tenant.find(reception).orElseThrow());
    assertThat(s.backend.mailboxes().find(reception).orElseThrow().umExtension()).contains("4123");
  }

  @Test
  void injectedTenantThrottling_travelsAs429_andTheAdapterRetries() {
    SimulatedBackend s = demo();
    s.tenant.faults().throttleNth("setType", 1, Duration.ofSeconds(1));

    s.backend.mailboxes().setType(address(DemoCast.JANE), MailboxType.SHARED);

    assertThat(s.tenant.findByUpn(DemoCast.JANE).orElseThrow().type()).isEqualTo(MailboxType.SHARED);
    assertThat(s.tenant.faults().calls("setType")).isEqualTo(2);
    assertThat(s.simulator.requestCount()).isEqualTo(2);
  }

  @Test
  void throttleBudget_overBudgetRequestsGet429_andTheAdapterStillCompletes() throws Exception {
    InMemoryTenant tenant = InMemoryTenant.demo();
    tenant.create(AuthPolicy.builder().name("Block").build());
    List<Upn> users = tenant.users().stream().map(CloudUser::userPrincipalName).toList();
    SimulatedBackend s = track(new SimulatedBackend(tenant));
    s.simulator.throttleBudget(10);
    // 8 threads contend for 10 tokens a second, all waking on the same whole-second Retry-After: with the default 3
    // retries an unlucky request lost 4 draws in a row now and then (a flaky failure on a loaded box); the SDK's
    // maximum of 10 retries makes that vanishingly unlikely without hiding a real failure to retry
    GraphBackend backend = s.simulator.backendBuilder().maxRetries(10).build();
    int rounds = 4;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (Upn u : users) {
          futures.add(pool.submit(() -> {
            try {
              backend.authPolicies().assign(u, Optional.of("Block"));
              backend.cloudDirectory().findUser(u).orElseThrow();
            } catch (RuntimeException e) {
              failures.add(e);
            }
          }));
        }
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
      backend.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int calls = 2 * rounds * users.size();

    assertThat(failures).isEmpty();
    assertThat(tenant.usersWith("Block")).containsExactlyInAnyOrderElementsOf(users);
    assertThat(s.simulator.throttledCount()).isPositive();
    assertThat(s.simulator.requestCount()).isEqualTo(calls + s.simulator.throttledCount());
    // 10 tokens to start with, then 10 a second: the calls cannot have been served faster than the budget allows.
    assertThat(seconds).isGreaterThanOrEqualTo((calls - 10) / 10.0 * 0.9);
  }
}
