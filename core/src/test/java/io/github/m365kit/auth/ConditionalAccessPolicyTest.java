package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.memory.InMemoryTenant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionalAccessPolicyTest {
  private static final ConditionalAccessPolicy.Users NOBODY = new ConditionalAccessPolicy.Users(List.of(), List.of(), List.of(), List.of());
  private static final Optional<ConditionalAccessPolicy.GrantControls> BLOCK =
      Optional.of(new ConditionalAccessPolicy.GrantControls("OR", List.of("block")));

  private static ConditionalAccessPolicy policy(List<String> apps, ConditionalAccessPolicy.Users users,
      Optional<ConditionalAccessPolicy.GrantControls> grant, boolean session) {
    return new ConditionalAccessPolicy(Optional.empty(), "Test policy", ConditionalAccessPolicy.State.REPORT_ONLY,
        Set.of(ConditionalAccessPolicy.ClientAppType.OTHER), apps, users, grant, session);
  }

  @Test
  void problems_listEveryMissingRule_aGrantWithoutControlsCountsAsNone() {
    ConditionalAccessPolicy empty = policy(List.of(), NOBODY, Optional.of(new ConditionalAccessPolicy.GrantControls("OR", List.of())), false);
    assertThat(empty.problems()).containsExactly(
        "it has no applications rule (conditions.applications.includeApplications is empty)",
        "it has no users rule (conditions.users includes no users and no groups)",
        "it has neither a grant control nor a session control");
  }

  @Test
  void problems_usersRuleMayNameUsersOrGroups_andASessionControlStandsInForAGrant() {
    ConditionalAccessPolicy.Users groupOnly = new ConditionalAccessPolicy.Users(List.of(), List.of(), List.of("g-1"), List.of());
    ConditionalAccessPolicy.Users userOnly = new ConditionalAccessPolicy.Users(List.of("All"), List.of(), List.of(), List.of());
    assertThat(policy(List.of("All"), groupOnly, Optional.empty(), true).problems()).isEmpty();
    assertThat(policy(List.of("All"), userOnly, BLOCK, false).problems()).isEmpty();
    assertThat(policy(List.of("All"), userOnly, Optional.empty(), false).problems()).containsExactly("it has neither a grant control nor a session control");
  }

  @Test
  void inMemoryTenant_refusesAnIncompletePolicy_namingWhatIsMissing() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    assertThatThrownBy(() -> tenant.createConditionalAccessPolicy(policy(List.of("All"), NOBODY, BLOCK, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("a policy needs an applications rule, a users rule and a grant or session control:"
            + " it has no users rule (conditions.users includes no users and no groups)");
    assertThat(tenant.listConditionalAccessPolicies()).isEmpty();
  }

  @Test
  void grantControls_operatorMustBeOrOrAnd() {
    assertThat(new ConditionalAccessPolicy.GrantControls("AND", List.of("mfa", "compliantDevice")).operator()).isEqualTo("AND");
    assertThat(new ConditionalAccessPolicy.GrantControls("OR", List.of("block")).operator()).isEqualTo("OR");
    assertThatThrownBy(() -> new ConditionalAccessPolicy.GrantControls("XOR", List.of("block"))).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("use OR or AND");
  }

  @Test
  void change_isEmptyOnlyWhenItChangesNeitherStateNorUsers() {
    assertThat(new ConditionalAccessPolicy.Change(Optional.empty(), Optional.empty()).isEmpty()).isTrue();
    assertThat(new ConditionalAccessPolicy.Change(Optional.of(ConditionalAccessPolicy.State.ENABLED), Optional.empty()).isEmpty()).isFalse();
    assertThat(new ConditionalAccessPolicy.Change(Optional.empty(), Optional.of(NOBODY)).isEmpty()).isFalse();
  }
}
