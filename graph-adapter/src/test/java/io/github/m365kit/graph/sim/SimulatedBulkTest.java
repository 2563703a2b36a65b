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
}
