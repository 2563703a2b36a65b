package io.github.m365kit.graph.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.graph.BulkOutcome;
import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bulk operations over the simulator's {@code $batch}, where the throttle budget is charged per inner request. */
class SimulatedBulkTest {
  static final int USERS = 300;

  private static InMemoryTenant tenant(List<Upn> upns) {
    InMemoryTenant tenant = new InMemoryTenant("contoso.onmicrosoft.com", new SimulatedClock(Instant.parse("2026-11-28T09:00:00Z")));
    for (int i = 0; i < USERS; i++) {
      String upn = "staff" + i + "@contoso.com";
      tenant.addUser(CloudUser.builder().id(ObjectId.of(UUID.nameUUIDFromBytes(upn.getBytes(StandardCharsets.UTF_8)).toString()))
          .userPrincipalName(Upn.of(upn)).displayName("Staff " + i).build());
      upns.add(Upn.of(upn));
    }
    return tenant;
  }

  @Test
  void revokeSignInSessions_underTightBudget_revokesEveryUserExactlyOnce() {
    List<Upn> upns = new ArrayList<>();
    InMemoryTenant tenant = tenant(upns);
    try (GraphSimulator sim = GraphSimulator.start(tenant).throttleBudget(50);
         GraphBackend cloud = sim.backend()) {
      Map<Upn, BulkOutcome<Void>> out = cloud.bulk().revokeSignInSessions(upns);

      assertThat(out).hasSize(USERS);
      assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
      assertThat(sim.throttledCount()).as("inner requests were throttled").isPositive();
      assertThat(tenant.faults().calls("revokeSignInSessions")).isEqualTo(USERS);
      assertThat(tenant.users()).allMatch(u -> u.signInSessionsValidFrom().isPresent());
      // One HTTP request per batch: 15 first rounds plus the retry rounds, never one per user.
      assertThat(sim.requestCount()).isLessThan(USERS / 20 + sim.throttledCount() + 1);
    }
  }

  @Test
  void findUsers_mapsFoundAndMissingPerUser() {
    List<Upn> upns = new ArrayList<>();
    InMemoryTenant tenant = tenant(upns);
    try (GraphSimulator sim = GraphSimulator.start(tenant);
         GraphBackend cloud = sim.backend()) {
      Upn ghost = Upn.of("ghost@contoso.com");
      List<Upn> asked = new ArrayList<>(upns.subList(0, 25));
      asked.add(3, ghost);

      Map<Upn, BulkOutcome<CloudUser>> out = cloud.bulk().findUsers(asked);

      assertThat(out).hasSize(26);
      assertThat(out.get(ghost).error()).get().isInstanceOf(NotFoundException.class);
      assertThat(out.get(upns.get(7)).orThrow().displayName()).isEqualTo("Staff 7");
      assertThat(out.entrySet()).filteredOn(e -> !e.getKey().equals(ghost)).allMatch(e -> e.getValue().isSuccess());
      assertThat(sim.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void setAccountEnabled_disablesInBatches() {
    List<Upn> upns = new ArrayList<>();
    InMemoryTenant tenant = tenant(upns);
    try (GraphSimulator sim = GraphSimulator.start(tenant);
         GraphBackend cloud = sim.backend()) {
      Map<Upn, BulkOutcome<Void>> out = cloud.bulk().setAccountEnabled(upns.subList(0, 30), false);

      assertThat(out.values()).allMatch(BulkOutcome::isSuccess);
      assertThat(tenant.users()).filteredOn(u -> !u.accountEnabled()).hasSize(30);
    }
  }

  private static java.net.http.HttpResponse<String> postBatch(GraphSimulator sim, String body) throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.graphBaseUrl() + "/v1.0/$batch"))
        .header("Authorization", "Bearer " + GraphSimulator.TOKEN).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void batch_refusesWhatTheServiceRefuses_andAnswersInAnyOrder() throws Exception {
    List<Upn> upns = new ArrayList<>();
    try (GraphSimulator sim = GraphSimulator.start(tenant(upns))) {
      StringBuilder many = new StringBuilder("{\"requests\":[");
      for (int i = 1; i <= 21; i++) {
        many.append(i == 1 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"/users/staff1%40contoso.com\"}");
      }
      assertThat(postBatch(sim, many.append("]}").toString()).statusCode()).isEqualTo(400);
      assertThat(postBatch(sim, "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/staff1%40contoso.com\"},"
          + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/staff2%40contoso.com\"}]}").statusCode()).isEqualTo(400);
      var noContentType = postBatch(sim, "{\"requests\":[{\"id\":\"1\",\"method\":\"PATCH\",\"url\":\"/users/staff1%40contoso.com\","
          + "\"body\":{\"accountEnabled\":false}}]}");
      assertThat(noContentType.statusCode()).isEqualTo(400);
      assertThat(noContentType.body()).contains("Content-Type");

      var ok = postBatch(sim, "{\"requests\":[{\"id\":\"a\",\"method\":\"GET\",\"url\":\"/users/staff1%40contoso.com?$select=id,displayName\"},"
          + "{\"id\":\"b\",\"method\":\"GET\",\"url\":\"/users/ghost%40contoso.com\"}]}");
      assertThat(ok.statusCode()).isEqualTo(200);
      var responses = GraphSimulator.JSON.readTree(ok.body()).path("responses");
      assertThat(responses).hasSize(2);
      assertThat(responses.get(0).path("id").asText()).isEqualTo("b");
      assertThat(responses.get(0).path("status").asInt()).isEqualTo(404);
      assertThat(responses.get(1).path("status").asInt()).isEqualTo(200);
      assertThat(responses.get(1).path("body").path("displayName").asText()).isEqualTo("Staff 1");
    }
  }
}
