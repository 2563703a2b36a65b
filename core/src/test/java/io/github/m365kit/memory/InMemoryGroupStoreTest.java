package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.ConflictException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryGroupStoreTest {
  private final InMemoryTenant tenant = InMemoryTenant.demo();
  private static final String SEED_RULE = "(user.department -eq \"Finance\") -or (user.mail -in [\"user1@contoso.com\",\"user2@contoso.com\","
      + "\"user3@contoso.com\",\"user4@contoso.com\"])";

  private static DynamicGroup group(String nick, String rule, boolean m365) {
    return new DynamicGroup(Optional.empty(), "Finance plus four", nick, m365, rule, false);
  }

  @Test
  void create_evaluatesTheSeedRuleOverTheTenant() {
    ObjectId id = tenant.createDynamicGroup(group("finance-plus", SEED_RULE, true));
    List<Upn> expected = new ArrayList<>(DemoCast.FINANCE);
    expected.addAll(DemoCast.EXTRAS);
    assertThat(tenant.members(id)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(tenant.find(id)).get().extracting(DynamicGroup::paused).isEqualTo(false);
  }

  @Test
  void findByMailNickname_ignoresCase_andIsEmptyForAnUnknownNickname() {
    ObjectId id = tenant.createDynamicGroup(group("Finance-Plus", SEED_RULE, true));
    assertThat(tenant.findByMailNickname("finance-plus")).map(g -> g.id().orElseThrow()).contains(id);
    assertThat(tenant.findByMailNickname("finance")).isEmpty();
  }

  @Test
  void pause_freezesMembershipUntilResumed() {
    ObjectId id = tenant.createDynamicGroup(group("finance", "user.department -eq \"Finance\"", true));
    tenant.setProcessingPaused(id, true);
    tenant.addUser(CloudUser.builder().id(new ObjectId(UUID.randomUUID())).userPrincipalName(Upn.of("new.hire@contoso.com")).department("Finance").build());
    assertThat(tenant.members(id)).hasSize(3).doesNotContain(Upn.of("new.hire@contoso.com"));
    String json = TenantJson.write(tenant);
    assertThat(TenantJson.parse(json).members(id)).hasSize(3);
    tenant.setProcessingPaused(id, false);
    assertThat(tenant.members(id)).hasSize(4).contains(Upn.of("new.hire@contoso.com"));
  }

  @Test
  void updateRule_changesMembershipAndRefusesInvalidRules() {
    ObjectId id = tenant.createDynamicGroup(group("finance", "user.department -eq \"Finance\"", true));
    tenant.updateRule(id, "user.department -eq \"Legal\"");
    assertThat(tenant.members(id)).containsExactly(DemoCast.BIG);
    assertThatThrownBy(() -> tenant.updateRule(id, "user.department -eq")).isInstanceOf(ServiceRuleException.class)
        .hasMessageStartingWith("Invalid membership rule: error at column");
    assertThat(tenant.find(id).get().membershipRule()).isEqualTo("user.department -eq \"Legal\"");
  }

  @Test
  void create_refusesDeviceRulesForMicrosoft365GroupsDuplicatesAndBadNicknames() {
    assertThatThrownBy(() -> tenant.createDynamicGroup(group("devs", "device.deviceOSType -eq \"Windows\"", true)))
        .isInstanceOf(ServiceRuleException.class).hasMessageContaining("only users");
    tenant.createDynamicGroup(group("devs", "device.deviceOSType -eq \"Windows\"", false));
    assertThatThrownBy(() -> tenant.createDynamicGroup(group("DEVS", "user.department -eq \"x\"", false))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> group("fin ance", "user.department -eq \"x\"", true)).isInstanceOf(InvalidInputException.class).hasMessageContaining("U+0020");
    assertThatThrownBy(() -> group("a".repeat(65), "user.department -eq \"x\"", true)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> tenant.members(new ObjectId(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
  }
}
