package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * What a retried {@code $batch} item carries the second time (its body, its Content-Type), that building the inner
 * requests costs no token (only the outer POST is authenticated), and that a wait longer than the backend's
 * {@code maxRetryWait} (30 s in {@link WireTestSupport}) is not slept but handed to the caller.
 */
class GraphBatchReplayTest extends WireTestSupport {
  static final Upn ANN = Upn.of("ann@contoso.com");
  static final Upn BOB = Upn.of("bob@contoso.com");

  private JsonArray requests() throws InterruptedException {
    RecordedRequest r = take();
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v1.0/$batch");
    return body(r).getAsJsonArray("requests");
  }

  @Test
  void setAccountEnabled_throttledItem_isResentWithItsBodyAndContentType() throws Exception {
    server.enqueue(json(GraphBatchTest.batch(GraphBatchTest.inner("1", 204, "{}", "null"),
        GraphBatchTest.throttled("2", "4"))));
    server.enqueue(json(GraphBatchTest.batch(GraphBatchTest.inner("1", 204, "{}", "null"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().setAccountEnabled(List.of(ANN, BOB), false);

    assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
    assertThat(requests()).hasSize(2);
    JsonArray retried = requests();
    assertThat(retried).hasSize(1);
    JsonObject bob = retried.get(0).getAsJsonObject();
    assertThat(bob.get("method").getAsString()).isEqualTo("PATCH");
    assertThat(bob.get("url").getAsString()).isEqualTo("/users/bob%40contoso.com");
    assertThat(bob.getAsJsonObject("headers").get("Content-Type").getAsString()).startsWith("application/json");
    assertThat(bob.getAsJsonObject("body"))
        .isEqualTo(JsonParser.parseString("{\"@odata.type\":\"#microsoft.graph.user\",\"accountEnabled\":false}"));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void revokeSignInSessions_asksForATokenPerBatch_notPerUser() throws Exception {
    List<Upn> users = new ArrayList<>();
    List<String> first = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      users.add(Upn.of("user" + i + "@contoso.com"));
    }
    for (int i = 1; i <= 20; i++) {
      first.add(GraphBatchTest.ok(String.valueOf(i)));
    }
    List<String> second = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      second.add(GraphBatchTest.ok(String.valueOf(i)));
    }
    server.enqueue(json(GraphBatchTest.batch(first.toArray(String[]::new))));
    server.enqueue(json(GraphBatchTest.batch(second.toArray(String[]::new))));
    int before = tokenRequests.get();

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(users);

    assertThat(out.values()).hasSize(25).allMatch(BulkOutcome::isSuccess);
    assertThat(requests()).hasSize(20);
    assertThat(requests()).hasSize(5);
    assertThat(tokenRequests.get() - before).isLessThanOrEqualTo(2);
  }

  @Test
  void revokeSignInSessions_whenRetryAfterPassesMaxRetryWait_isThrottledAtOnceCarryingIt() throws Exception {
    server.enqueue(json(GraphBatchTest.batch(GraphBatchTest.ok("1"), GraphBatchTest.throttled("2", "45"))));

    Map<Upn, BulkOutcome<Void>> out = backend.bulk().revokeSignInSessions(List.of(ANN, BOB));

    assertThat(out.get(ANN).isSuccess()).isTrue();
    assertThat(out.get(BOB).error()).get().isInstanceOf(io.github.m365kit.ThrottledException.class);
    io.github.m365kit.ThrottledException t = (io.github.m365kit.ThrottledException) out.get(BOB).error().get();
    assertThat(t.retryAfter()).contains(Duration.ofSeconds(45));
    assertThat(t).hasMessageContaining("HTTP 429").hasMessageContaining("bob@contoso.com");
    assertThat(sleeps).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void revokeSignInSessions_stopsWhenTheTotalWaitWouldPassMaxRetryWait() throws Exception {
    server.enqueue(json(GraphBatchTest.batch(GraphBatchTest.throttled("1", "20"))));
    server.enqueue(json(GraphBatchTest.batch(GraphBatchTest.throttled("1", "20"))));

    BulkOutcome<Void> out = backend.bulk().revokeSignInSessions(List.of(ANN)).get(ANN);

    assertThat(out.error()).get().isInstanceOf(io.github.m365kit.ThrottledException.class);
    assertThat(((io.github.m365kit.ThrottledException) out.error().get()).retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(20)); // 20 + 20 > 30: the second wait is the caller's
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
