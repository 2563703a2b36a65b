package io.github.m365kit.graph.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.GroupStore;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link io.github.m365kit.graph.GraphBackend#groups()} end to end against the simulator of the demo tenant. */
class SimulatedGroupStoreTest {
  static final String SEED_RULE = "(user.department -eq \"Finance\") -or (user.mail -in [\"user1@contoso.com\",\"user2@contoso.com\","
      + "\"user3@contoso.com\",\"user4@contoso.com\"])";

  private final SimulatedBackend s = new SimulatedBackend(InMemoryTenant.demo());
  private final GroupStore groups = s.backend.groups();

  @AfterEach
  void close() {
    s.close();
  }

  @Test
  void findByMailNickname_throughTheWire_ignoresCaseAndKeepsQuotes() {
    ObjectId id = groups.createDynamicGroup(new DynamicGroup(Optional.empty(), "O'Brien's team", "obrien's-team", true, "user.department -eq \"Sales\"", false));
    assertThat(groups.findByMailNickname("OBRIEN'S-TEAM")).map(g -> g.id().orElseThrow()).contains(id);
    assertThat(groups.findByMailNickname("obrien")).isEmpty();
    assertThat(groups.findByMailNickname("x' or mailNickname eq 'obrien's-team")).as("a quote cannot end the literal").isEmpty();
  }

  @Test
  void seedRule_membersOverPagedUserCast_pause_updateRule() {
    s.simulator.maxPageSize(2);
    ObjectId id = groups.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance plus four", "finance-plus", true, SEED_RULE, false));

    List<Upn> expected = new ArrayList<>(DemoCast.FINANCE);
    expected.addAll(DemoCast.EXTRAS);
    assertThat(groups.members(id)).hasSize(7).containsExactlyInAnyOrderElementsOf(expected);
    DynamicGroup created = new DynamicGroup(Optional.of(id), "Finance plus four", "finance-plus", true, SEED_RULE, false);
    assertThat(groups.find(id)).contains(created);
    assertThat(s.tenant.find(id)).contains(created);

    groups.setProcessingPaused(id, true);
    assertThat(groups.find(id).orElseThrow().paused()).isTrue();
    s.tenant.addUser(CloudUser.builder().id(new ObjectId(UUID.randomUUID())).userPrincipalName(Upn.of("new.hire@contoso.com"))
        .department("Finance").build());
    assertThat(groups.members(id)).hasSize(7).doesNotContain(Upn.of("new.hire@contoso.com"));

    groups.setProcessingPaused(id, false);
    assertThat(groups.members(id)).hasSize(8).contains(Upn.of("new.hire@contoso.com"));

    groups.updateRule(id, "user.department -eq \"Finance\"");
    assertThat(groups.find(id).orElseThrow().membershipRule()).isEqualTo("user.department -eq \"Finance\"");
    assertThat(groups.members(id)).containsExactlyInAnyOrder(DemoCast.FINANCE.get(0), DemoCast.FINANCE.get(1),
        DemoCast.FINANCE.get(2), Upn.of("new.hire@contoso.com"));
  }

  @Test
  void securityGroup_isCreatedAsSecurity() {
    ObjectId id = groups.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance-sec", false, "user.department -eq \"Finance\"", false));

    assertThat(groups.find(id).orElseThrow().microsoft365()).isFalse();
    assertThat(groups.members(id)).containsExactlyInAnyOrderElementsOf(DemoCast.FINANCE);
  }

  @Test
  void errors_travelOverHttp() {
    ObjectId unknown = new ObjectId(UUID.randomUUID());
    ObjectId id = groups.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", true, "user.department -eq \"Finance\"", false));

    assertThat(groups.find(unknown)).isEmpty();
    assertThat(catchThrowable(() -> groups.members(unknown))).isInstanceOf(NotFoundException.class);
    assertThat(catchThrowable(() -> groups.updateRule(unknown, "user.department -eq \"x\""))).isInstanceOf(NotFoundException.class);
    assertThat(catchThrowable(() -> groups.setProcessingPaused(unknown, true))).isInstanceOf(NotFoundException.class);
    assertThat(catchThrowable(() -> groups.createDynamicGroup(new DynamicGroup(Optional.empty(), "Again", "FINANCE", false,
        "user.department -eq \"x\"", false)))).isInstanceOf(ConflictException.class);
    assertThat(catchThrowable(() -> groups.updateRule(id, "user.department -eq"))).isInstanceOf(ServiceRuleException.class)
        .hasMessageContaining("HTTP 400 Request_BadRequest").hasMessageContaining("Invalid membership rule")
        .extracting(e -> ((ServiceRuleException) e).rule()).isEqualTo(ServiceRuleException.Rule.INVALID_MEMBERSHIP_RULE);
    assertThat(catchThrowable(() -> groups.createDynamicGroup(new DynamicGroup(Optional.empty(), "Devices", "devices", true,
        "device.deviceOSType -eq \"Windows\"", false)))).isInstanceOf(ServiceRuleException.class).hasMessageContaining("only users");
  }
}
