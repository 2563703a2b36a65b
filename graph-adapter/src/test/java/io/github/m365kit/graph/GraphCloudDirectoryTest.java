package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class GraphCloudDirectoryTest extends WireTestSupport {
  static final Upn JANE = Upn.of("jane.doe@contoso.com");
  static final String JANE_JSON = "{\"id\":\"11111111-2222-3333-4444-555555555555\",\"userPrincipalName\":\"jane.doe@contoso.com\","
      + "\"displayName\":\"Jane Doe\",\"mail\":\"jane.doe@contoso.com\",\"accountEnabled\":true,\"userType\":\"Member\","
      + "\"onPremisesSyncEnabled\":true,\"onPremisesDistinguishedName\":\"CN=Jane Doe,OU=Staff,DC=contoso,DC=com\","
      + "\"onPremisesImmutableId\":\"abc==\",\"department\":\"Sales\",\"usageLocation\":\"DE\","
      + "\"signInSessionsValidFromDateTime\":\"2026-01-02T03:04:05Z\","
      + "\"assignedLicenses\":[{\"skuId\":\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"disabledPlans\":[]}]}";

  @Test
  void findUser_selectsOnPremPropertiesAndLicenses_mapsUser() throws Exception {
    server.enqueue(json(JANE_JSON));

    CloudUser u = backend.cloudDirectory().findUser(JANE).orElseThrow();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", "jane.doe@contoso.com");
    assertThat(r.getRequestUrl().queryParameter("$select").split(","))
        .contains("onPremisesSyncEnabled", "onPremisesDistinguishedName", "onPremisesImmutableId", "assignedLicenses", "accountEnabled");
    assertThat(u.userPrincipalName()).isEqualTo(JANE);
    assertThat(u.displayName()).isEqualTo("Jane Doe");
    assertThat(u.onPremisesSyncEnabled()).isTrue();
    assertThat(u.onPremisesDistinguishedName()).contains("CN=Jane Doe,OU=Staff,DC=contoso,DC=com");
    assertThat(u.licenses()).containsExactly(License.OFFICE_365_E3);
    assertThat(u.department()).contains("Sales");
    assertThat(u.otherProperties()).containsEntry("onPremisesImmutableId", "abc==");
    assertThat(u.signInSessionsValidFrom()).contains(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void findUser_when404_isEmpty() throws Exception {
    server.enqueue(json(404, graphError("Request_ResourceNotFound", "Resource 'nobody@contoso.com' does not exist")));

    assertThat(backend.cloudDirectory().findUser(Upn.of("nobody@contoso.com"))).isEmpty();
    take();
  }

  @Test
  void findUser_unknownSku_isResolvedFromSubscribedSkus() throws Exception {
    server.enqueue(json(JANE_JSON.replace("6fd2c87f-b296-42f0-b197-1e91e994b900", "0c266dff-15dd-4b49-8397-2bb16070ed52")));
    server.enqueue(json("{\"value\":[{\"skuId\":\"0c266dff-15dd-4b49-8397-2bb16070ed52\",\"skuPartNumber\":\"MCOMEETADV\","
        + "\"servicePlans\":[{\"servicePlanName\":\"MCOMEETADV\"}]},{\"skuId\":\"18181a46-0d4e-45cd-891e-60aabd171b4e\","
        + "\"skuPartNumber\":\"STANDARDPACK\",\"servicePlans\":[{\"servicePlanName\":\"EXCHANGE_S_STANDARD\"}]}]}"));

    CloudUser u = backend.cloudDirectory().getUser(JANE);

    take();
    assertThat(take().getPath()).isEqualTo("/v1.0/subscribedSkus");
    assertThat(u.licenses()).singleElement().satisfies(l -> {
      assertThat(l.skuPartNumber()).isEqualTo("MCOMEETADV");
      assertThat(l.exchangePlan()).isEqualTo(License.ExchangePlan.NONE);
    });
  }

  @Test
  void forEachUser_followsNextLink_pageByPage() throws Exception {
    String second = url("/v1.0/users?$skiptoken=page2");
    server.enqueue(json("{\"value\":[" + JANE_JSON + "],\"@odata.nextLink\":\"" + second + "\"}"));
    server.enqueue(json("{\"value\":[" + JANE_JSON.replace("jane.doe", "john.roe").replace("11111111", "22222222") + "]}"));

    List<Upn> seen = new ArrayList<>();
    backend.cloudDirectory().forEachUser(u -> seen.add(u.userPrincipalName()));

    RecordedRequest first = take();
    assertThat(first.getRequestUrl().queryParameter("$top")).isEqualTo("999");
    assertThat(first.getRequestUrl().queryParameter("$select")).contains("onPremisesSyncEnabled");
    assertThat(take().getRequestUrl().queryParameter("$skiptoken")).isEqualTo("page2");
    assertThat(seen).containsExactly(JANE, Upn.of("john.roe@contoso.com"));
  }

  @Test
  void assignLicense_postsAddAndEmptyRemove() throws Exception {
    server.enqueue(json(JANE_JSON));

    backend.cloudDirectory().assignLicense(JANE, License.EXCHANGE_ONLINE_PLAN_2);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", "jane.doe@contoso.com", "assignLicense");
    JsonObject b = body(r);
    assertThat(b.getAsJsonArray("addLicenses")).hasSize(1);
    assertThat(b.getAsJsonArray("addLicenses").get(0).getAsJsonObject().get("skuId").getAsString())
        .isEqualTo(License.EXCHANGE_ONLINE_PLAN_2.skuId().toString());
    assertThat(b.getAsJsonArray("removeLicenses")).isEmpty();
  }

  @Test
  void removeLicenses_postsRemoveAndEmptyAdd() throws Exception {
    server.enqueue(json(JANE_JSON));
    UUID sku = License.OFFICE_365_E3.skuId();

    backend.cloudDirectory().removeLicenses(JANE, Set.of(sku));

    JsonObject b = body(take());
    assertThat(b.getAsJsonArray("addLicenses")).isEmpty();
    assertThat(b.getAsJsonArray("removeLicenses")).hasSize(1);
    assertThat(b.getAsJsonArray("removeLicenses").get(0).getAsString()).isEqualTo(sku.toString());
  }

  @Test
  void setAccountEnabled_patchesOnlyAccountEnabled() throws Exception {
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));

    backend.cloudDirectory().setAccountEnabled(JANE, false);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", "jane.doe@contoso.com");
    JsonObject b = body(r);
    assertThat(b.get("accountEnabled").getAsBoolean()).isFalse();
    assertThat(b.keySet()).containsOnly("@odata.type", "accountEnabled");
  }

  @Test
  void setAccountEnabled_whenOnPremMastered_throwsServiceRuleSayingChangeInAd() {
    server.enqueue(json(400, graphError("Request_BadRequest", GraphErrors.ON_PREM_MASTERED + " or objects currently undergoing migration.")));

    Throwable t = catchThrowable(() -> backend.cloudDirectory().setAccountEnabled(JANE, false));

    assertThat(t).isInstanceOf(ServiceRuleException.class).hasMessageContaining("change it in AD").hasMessageContaining("jane.doe@contoso.com");
    assertThat(((ServiceRuleException) t).rule()).isEqualTo(ServiceRuleException.Rule.ON_PREMISES_MASTERED);
    assertNoToken(t);
  }

  @Test
  void errors_mapByStatus() {
    server.enqueue(json(403, graphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));
    server.enqueue(json(409, graphError("Request_Conflict", "conflict")));
    server.enqueue(json(404, graphError("Request_ResourceNotFound", "gone")));
    server.enqueue(json(500, graphError("InternalServerError", "boom")));
    server.enqueue(json(400, graphError("Request_BadRequest", "Invalid value")));

    Throwable denied = catchThrowable(() -> backend.cloudDirectory().revokeSignInSessions(JANE));
    Throwable conflict = catchThrowable(() -> backend.cloudDirectory().assignLicense(JANE, License.OFFICE_365_E3));
    Throwable missing = catchThrowable(() -> backend.cloudDirectory().setAccountEnabled(JANE, true));
    Throwable transientError = catchThrowable(() -> backend.cloudDirectory().setAccountEnabled(JANE, true));
    Throwable other = catchThrowable(() -> backend.cloudDirectory().setAccountEnabled(JANE, true));

    assertThat(denied).isInstanceOf(AccessDeniedException.class).hasMessageContaining("Insufficient privileges");
    assertThat(conflict).isInstanceOf(ConflictException.class);
    assertThat(missing).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) missing).id()).isEqualTo("jane.doe@contoso.com");
    assertThat(transientError).isInstanceOf(TransientException.class).isNotInstanceOf(ThrottledException.class);
    assertThat(((TransientException) transientError).isTransient()).isTrue();
    assertThat(other).isInstanceOf(io.github.m365kit.BackendException.class).hasMessageContaining("Invalid value");
    assertThat(((io.github.m365kit.BackendException) other).code()).isEqualTo("400 Request_BadRequest");
    for (Throwable t : List.of(denied, conflict, missing, transientError, other)) {
      assertNoToken(t);
    }
  }

  @Test
  void throttled_thenSuccess_isRetriedAfterRetryAfter() throws Exception {
    server.enqueue(json(429, graphError("TooManyRequests", "slow down")).setHeader("Retry-After", "1"));
    server.enqueue(json("{\"value\":true}"));
    long start = System.nanoTime();

    backend.cloudDirectory().revokeSignInSessions(JANE);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    RecordedRequest first = take();
    assertThat(first.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", "jane.doe@contoso.com", "revokeSignInSessions");
    assertThat(take().getHeader("Retry-Attempt")).isEqualTo("1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void throttled_beyondBudget_throwsThrottledWithRetryAfter() throws Exception {
    backend.close();
    backend = GraphBackend.builder(credential, TENANT).graphBaseUrl(java.net.URI.create("http://127.0.0.1:" + server.getPort()))
        .maxRetries(1).build();
    server.enqueue(json(429, graphError("TooManyRequests", "slow down")).setHeader("Retry-After", "1"));
    server.enqueue(json(429, graphError("TooManyRequests", "slow down")).setHeader("Retry-After", "1"));

    Throwable t = catchThrowable(() -> backend.cloudDirectory().setAccountEnabled(JANE, false));

    assertThat(t).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) t).retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertNoToken(t);
  }

  @Test
  void timeout_isTransient() throws Exception {
    backend.close();
    backend = GraphBackend.builder(credential, TENANT).graphBaseUrl(java.net.URI.create("http://127.0.0.1:" + server.getPort()))
        .timeout(Duration.ofMillis(300)).build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new okhttp3.mockwebserver.MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));
    }

    Throwable t = catchThrowable(() -> backend.cloudDirectory().findUser(JANE));

    assertThat(t).isInstanceOf(TransientException.class).hasMessageContaining("timed out");
    assertNoToken(t);
  }
}
