package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Wire tests of {@link GraphBulk} / {@link GraphBatch}: the exact {@code $batch} bodies and the per-item outcomes. */
class GraphBatchTest extends WireTestSupport {
  static final Upn ANN = Upn.of("ann@contoso.com");
  static final Upn BOB = Upn.of("bob@contoso.com");
  static final Upn CAT = Upn.of("cat@contoso.com");

  static String inner(String id, int status, String headers, String body) {
    return "{\"id\":\"" + id + "\",\"status\":" + status + ",\"headers\":" + headers + ",\"body\":" + body + "}";
  }

  static String ok(String id) {
    return inner(id, 200, "{\"Content-Type\":\"application/json\"}", "{\"value\":true}");
  }

  static String batch(String... responses) {
    return "{\"responses\":[" + String.join(",", responses) + "]}";
  }

  static String throttled(String id, String retryAfter) {
    String headers = retryAfter == null ? "{\"Content-Type\":\"application/json\"}"
        : "{\"Retry-After\":\"" + retryAfter + "\",\"Content-Type\":\"application/json\"}";
    return inner(id, 429, headers, graphError("TooManyRequests", "Too many requests"));
  }

  /** The inner requests of one recorded batch, after checking the outer request. */
  JsonArray requests() throws InterruptedException {
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v1.0/$batch");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonArray requests = body(r).getAsJsonArray("requests");
    List<String> ids = new ArrayList<>();
    requests.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
    assertThat(ids).doesNotHaveDuplicates();
    return requests;
  }

  static List<String> urls(JsonArray requests) {
    List<String> urls = new ArrayList<>();
    requests.forEach(e -> urls.add(e.getAsJsonObject().get("url").getAsString()));
    return urls;
  }

  @Test
  void revokeSignInSessions_sendsOneBatch_matchesResponsesById() throws Exception {
    server.enqueue(json(batch(ok("3"), inner("1", 204, "{}", "null"), ok("2"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB, CAT, ANN));

    assertThat(out).containsOnlyKeys(ANN, BOB, CAT);
    assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
    JsonArray requests = requests();
    assertThat(requests).hasSize(3);
    JsonObject first = requests.get(0).getAsJsonObject();
    assertThat(first.get("id").getAsString()).isEqualTo("1");
    assertThat(first.get("method").getAsString()).isEqualTo("POST");
    assertThat(first.get("url").getAsString()).isEqualTo("/users/ann%40contoso.com/revokeSignInSessions");
    assertThat(first.has("body")).isFalse();
    assertThat(urls(requests)).containsExactly("/users/ann%40contoso.com/revokeSignInSessions",
        "/users/bob%40contoso.com/revokeSignInSessions", "/users/cat%40contoso.com/revokeSignInSessions");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void setAccountEnabled_sendsBodyWithContentType() throws Exception {
    server.enqueue(json(batch(inner("2", 204, "{}", "null"), inner("1", 204, "{}", "null"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().setAccountEnabled(List.of(ANN, BOB), false);

    assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
    JsonArray requests = requests();
    for (JsonElement e : requests) {
      JsonObject r = e.getAsJsonObject();
      assertThat(r.get("method").getAsString()).isEqualTo("PATCH");
      assertThat(r.getAsJsonObject("headers").get("Content-Type").getAsString()).startsWith("application/json");
      assertThat(r.getAsJsonObject("body"))
          .isEqualTo(JsonParser.parseString("{\"@odata.type\":\"#microsoft.graph.user\",\"accountEnabled\":false}"));
    }
    assertThat(urls(requests)).containsExactly("/users/ann%40contoso.com", "/users/bob%40contoso.com");
  }

  @Test
  void revokeSignInSessions_21Users_sendsTwoBatches() throws Exception {
    List<Upn> users = new ArrayList<>();
    for (int i = 1; i <= 21; i++) {
      users.add(Upn.of("user" + i + "@contoso.com"));
    }
    List<String> first = new ArrayList<>();
    for (int i = 20; i >= 1; i--) {
      first.add(ok(String.valueOf(i)));
    }
    server.enqueue(json(batch(first.toArray(String[]::new))));
    server.enqueue(json(batch(ok("1"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(users);

    assertThat(out).hasSize(21);
    assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
    assertThat(urls(requests())).hasSize(20).first().isEqualTo("/users/user1%40contoso.com/revokeSignInSessions");
    assertThat(urls(requests())).containsExactly("/users/user21%40contoso.com/revokeSignInSessions");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void revokeSignInSessions_innerThrottle_retriesOnlyThatItemAfterRetryAfter() throws Exception {
    server.enqueue(json(batch(ok("1"), throttled("2", "7"), ok("3"))));
    server.enqueue(json(batch(ok("1"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB, CAT));

    assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
    assertThat(requests()).hasSize(3);
    JsonArray retried = requests();
    assertThat(urls(retried)).containsExactly("/users/bob%40contoso.com/revokeSignInSessions");
    assertThat(retried.get(0).getAsJsonObject().get("method").getAsString()).isEqualTo("POST");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void revokeSignInSessions_waitsForTheLargestRetryAfter_andBacksOffWithoutOne() throws Exception {
    server.enqueue(json(batch(throttled("1", "2"), throttled("2", "9"), ok("3"))));
    server.enqueue(json(batch(ok("2"), inner("1", 503, "{}", graphError("ServiceUnavailable", "busy")))));
    server.enqueue(json(batch(ok("1"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB, CAT));

    assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
    assertThat(requests()).hasSize(3);
    assertThat(urls(requests())).containsExactly("/users/ann%40contoso.com/revokeSignInSessions",
        "/users/bob%40contoso.com/revokeSignInSessions");
    assertThat(urls(requests())).containsExactly("/users/ann%40contoso.com/revokeSignInSessions");
    // 9 s asked for, then no Retry-After on the 503: the policy's second backoff step (3 s doubled).
    assertThat(sleeps).containsExactly(Duration.ofSeconds(9), Duration.ofSeconds(6));
  }

  @Test
  void revokeSignInSessions_inner404_isNotFoundForThatUserOnly() throws Exception {
    server.enqueue(json(batch(ok("1"), ok("3"), inner("2", 404, "{\"Content-Type\":\"application/json\"}",
        graphError("Request_ResourceNotFound", "Resource 'bob@contoso.com' does not exist")))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB, CAT));

    assertThat(out.get(ANN).isSuccess()).isTrue();
    assertThat(out.get(CAT).isSuccess()).isTrue();
    assertThat(out.get(BOB).error()).get().isInstanceOf(NotFoundException.class)
        .extracting(Throwable::getMessage).asString().contains("HTTP 404").contains("bob@contoso.com");
    assertThat(((NotFoundException) out.get(BOB).error().get()).id()).isEqualTo("bob@contoso.com");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void revokeSignInSessions_whenBudgetSpent_isThrottledCarryingTheWait() throws Exception {
    // maxRetries(2) in WireTestSupport: three attempts in all.
    server.enqueue(json(batch(ok("1"), throttled("2", "5"))));
    server.enqueue(json(batch(throttled("1", "5"))));
    server.enqueue(json(batch(throttled("1", "11"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB));

    assertThat(out.get(ANN).isSuccess()).isTrue();
    assertThat(out.get(BOB).error()).get().isInstanceOf(ThrottledException.class);
    ThrottledException t = (ThrottledException) out.get(BOB).error().get();
    assertThat(t.retryAfter()).contains(Duration.ofSeconds(11));
    assertThat(t).hasMessageContaining("HTTP 429").hasMessageContaining("3 attempts");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertNoToken(t);
  }

  @Test
  void revokeSignInSessions_whenBudgetSpentWithoutRetryAfter_carriesTheBackoff() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(batch(inner("1", 504, "{}", graphError("GatewayTimeout", "gateway")))));
    }

    BulkOutcome<Void> out = backend.bulk().revokeSignInSessions(List.of(ANN)).get(ANN);

    assertThat(out.error()).get().isInstanceOf(TransientException.class);
    assertThat(((TransientException) out.error().get()).retryAfter()).contains(Duration.ofSeconds(12));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6));
  }

  @Test
  void findUsers_selectsLikeTheDirectory_mapsUsersAndMissing() throws Exception {
    String ann = "{\"id\":\"0c4a7a3e-7c57-4bb8-a8f5-1f3d2b1c0a01\",\"userPrincipalName\":\"ann@contoso.com\","
        + "\"displayName\":\"Ann\",\"accountEnabled\":true,\"onPremisesSyncEnabled\":true,\"assignedLicenses\":[]}";
    server.enqueue(json(batch(inner("2", 404, "{}", graphError("Request_ResourceNotFound", "missing")),
        inner("1", 200, "{\"Content-Type\":\"application/json\"}", ann))));

    Map<Upn, BulkOutcome<CloudUser>> out = backend.bulk().findUsers(List.of(ANN, BOB));

    CloudUser user = out.get(ANN).orThrow();
    assertThat(user.userPrincipalName()).isEqualTo(ANN);
    assertThat(user.displayName()).isEqualTo("Ann");
    assertThat(user.onPremisesSyncEnabled()).isTrue();
    assertThat(out.get(BOB).error()).get().isInstanceOf(NotFoundException.class);
    JsonArray requests = requests();
    String url = requests.get(0).getAsJsonObject().get("url").getAsString();
    assertThat(url).startsWith("/users/ann%40contoso.com?").endsWith("%24select=" + String.join(",", GraphCloudDirectory.SELECT));
    assertThat(requests.get(0).getAsJsonObject().get("method").getAsString()).isEqualTo("GET");
  }

  @Test
  void revokeSignInSessions_whenTheBatchItselfIsRefused_everyItemCarriesTheMappedError() throws Exception {
    server.enqueue(json(403, graphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB));

    assertThat(out.values()).allSatisfy(o -> assertThat(o.error()).get().isInstanceOf(io.github.m365kit.AccessDeniedException.class));
    assertThat(catchThrowable(() -> out.get(ANN).orThrow())).hasMessageContaining("$batch").hasMessageContaining("Insufficient");
    assertNoToken(out.get(ANN).error().get());
    take();
  }

  @Test
  void batchBody_carriesNoAuthorizationOrOtherHeaders() throws Exception {
    server.enqueue(json(batch(ok("1"))));
    backend.bulk().revokeSignInSessions(List.of(ANN));
    RecordedRequest r = take();
    String body = r.getBody().readUtf8();
    assertThat(body).doesNotContain(TOKEN).doesNotContainIgnoringCase("authorization");
    assertThat(JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("requests").get(0).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("id", "method", "url");
  }
}
