package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.ConditionalAccessStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyAuthBlockApplierTest {
  private final InMemoryTenant tenant = InMemoryTenant.demo();
  private final ObjectId breakGlass = tenant.getUser(Upn.of("jane.doe@contoso.com")).id();

  @Test
  void enforcingWithoutExclusions_isRefusedBeforeAnyCall_unlessForced() {
    LegacyAuthBlockPolicy bare = LegacyAuthBlockPolicy.builder().enforce(true).build();
    tenant.faults().permanentNth("findConditionalAccessPolicy", 1);

    Throwable t = catchThrowable(() -> LegacyAuthBlockApplier.using(tenant).apply(bare, false));

    assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageContaining("break-glass");
    assertThat(tenant.faults().calls("findConditionalAccessPolicy")).isZero();
    tenant.faults().clear();
    LegacyAuthBlockApplier.Result forced = LegacyAuthBlockApplier.using(tenant).apply(bare, true);
    assertThat(forced.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.CREATED);
    assertThat(forced.policy().state()).isEqualTo(ConditionalAccessPolicy.State.ENABLED);
  }

  @Test
  void reportOnlyWithoutExclusions_isAllowed_andMatchesTheGraphJson() {
    LegacyAuthBlockPolicy p = LegacyAuthBlockPolicy.builder().build();
    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(tenant).apply(p, false);

    assertThat(r.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.CREATED);
    ConditionalAccessPolicy stored = tenant.findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
    assertThat(stored.state().graphValue()).isEqualTo(p.state());
    assertThat(stored.clientAppTypes()).extracting(ConditionalAccessPolicy.ClientAppType::graphValue)
        .containsExactlyInAnyOrder("exchangeActiveSync", "other");
    assertThat(r.render()).startsWith("CREATED: 'Block legacy authentication'").contains("24 hours");
  }

  @Test
  void update_removedExclusion_isListed_andDriftIsWarnedNotChanged() {
    ConditionalAccessPolicy drifted = LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build().toPolicy();
    drifted = new ConditionalAccessPolicy(Optional.empty(), drifted.displayName(), drifted.state(),
        java.util.Set.of(ConditionalAccessPolicy.ClientAppType.OTHER), drifted.includeApplications(), drifted.users(), drifted.grantControls(), false);
    tenant.createConditionalAccessPolicy(drifted);

    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(tenant).apply(LegacyAuthBlockPolicy.builder().build(), false);

    assertThat(r.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UPDATED);
    assertThat(r.changes()).containsExactly("excludeUsers: removed [" + breakGlass + "]");
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("clientAppTypes are [other]"));
    ConditionalAccessPolicy now = tenant.findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
    assertThat(now.users().excludeUsers()).isEmpty();
    assertThat(now.clientAppTypes()).containsExactly(ConditionalAccessPolicy.ClientAppType.OTHER);
  }

  @Test
  void policies_surviveTenantJson() {
    LegacyAuthBlockApplier.using(tenant).apply(LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build(), false);
    List<ConditionalAccessPolicy> before = tenant.listConditionalAccessPolicies();

    InMemoryTenant reloaded = TenantJson.parse(TenantJson.write(tenant));

    assertThat(reloaded.listConditionalAccessPolicies()).isEqualTo(before);
  }
  private final ObjectId groupA = ObjectId.of("3b9d2c1e-5f4a-4e6b-8c7d-9e0f1a2b3c4d");
  private final ObjectId groupB = ObjectId.of("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");

  private static ConditionalAccessPolicy existing(List<String> apps, ConditionalAccessPolicy.Users users,
      Optional<ConditionalAccessPolicy.GrantControls> grant, boolean session) {
    ConditionalAccessPolicy recipe = LegacyAuthBlockPolicy.builder().build().toPolicy();
    return new ConditionalAccessPolicy(Optional.empty(), recipe.displayName(), recipe.state(), recipe.clientAppTypes(), apps, users, grant, session);
  }

  @Test
  void create_reportsTheIdStateAndExclusions() {
    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(tenant).apply(
        LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).excludeGroup(groupA).build(), false);
    String id = r.policy().id().orElseThrow();
    assertThat(r.changes()).containsExactly("created 'Block legacy authentication' (id " + id + ") in state enabledForReportingButNotEnforced,"
        + " excluding 1 user(s) [" + breakGlass + "] and 1 group(s) [" + groupA + "]");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void enforcing_withOnlyAGroupOrOnlyAUserExcluded_isNotRefused() {
    LegacyAuthBlockApplier.Result byGroup = LegacyAuthBlockApplier.using(tenant).apply(
        LegacyAuthBlockPolicy.builder().displayName("Block legacy (groups)").enforce(true).excludeGroup(groupA).build(), false);
    assertThat(byGroup.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.CREATED);
    assertThat(byGroup.policy().users().excludeGroups()).containsExactly(groupA.toString());
    LegacyAuthBlockApplier.Result byUser = LegacyAuthBlockApplier.using(tenant).apply(
        LegacyAuthBlockPolicy.builder().displayName("Block legacy (users)").enforce(true).excludeUser(breakGlass).build(), false);
    assertThat(byUser.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.CREATED);
    assertThat(byUser.policy().users().excludeUsers()).containsExactly(breakGlass.toString());
  }

  @Test
  void applyingTheSamePolicyAgain_sendsNothing_andSaysUnchanged() {
    LegacyAuthBlockPolicy p = LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build();
    LegacyAuthBlockApplier.Result first = LegacyAuthBlockApplier.using(tenant).apply(p, false);

    LegacyAuthBlockApplier.Result second = LegacyAuthBlockApplier.using(tenant).apply(p, false);

    assertThat(second.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UNCHANGED);
    assertThat(second.changes()).isEmpty();
    assertThat(second.warnings()).isEmpty();
    assertThat(second.policy()).isEqualTo(first.policy());
    assertThat(tenant.faults().calls("updateConditionalAccessPolicy")).isZero();
    assertThat(second.render()).isEqualTo("UNCHANGED: 'Block legacy authentication' (id " + first.policy().id().orElseThrow()
        + ") is enabledForReportingButNotEnforced\n");
  }

  @Test
  void update_stateAndGroupExclusions_areChangedAndListed() {
    LegacyAuthBlockApplier.using(tenant).apply(LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).excludeGroup(groupA).build(), false);

    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(tenant).apply(
        LegacyAuthBlockPolicy.builder().enforce(true).excludeUser(breakGlass).excludeGroup(groupB).build(), false);

    assertThat(r.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UPDATED);
    assertThat(r.changes()).containsExactly("state: enabledForReportingButNotEnforced -> enabled",
        "excludeGroups: added [" + groupB + "] removed [" + groupA + "]");
    ConditionalAccessPolicy now = tenant.findConditionalAccessPolicy("block legacy authentication").orElseThrow();
    assertThat(now.state()).isEqualTo(ConditionalAccessPolicy.State.ENABLED);
    assertThat(now.users().excludeUsers()).containsExactly(breakGlass.toString());
    assertThat(now.users().excludeGroups()).containsExactly(groupB.toString());
    assertThat(r.policy()).isEqualTo(now);
    assertThat(r.render()).isEqualTo("UPDATED: 'Block legacy authentication' (id " + now.id().orElseThrow() + ") is enabled\n"
        + "  changed: state: enabledForReportingButNotEnforced -> enabled\n"
        + "  changed: excludeGroups: added [" + groupB + "] removed [" + groupA + "]\n"
        + "  note: a Conditional Access change can take up to 24 hours to take effect\n");
  }

  @Test
  void drift_inApplicationsIncludedUsersAndGrant_isWarnedLineByLine_andLeftAlone() {
    ConditionalAccessPolicy.Users someone = new ConditionalAccessPolicy.Users(List.of("0a1b2c3d-0000-4000-8000-000000000001"),
        List.of(breakGlass.toString()), List.of(), List.of());
    tenant.createConditionalAccessPolicy(existing(List.of("Office365"), someone,
        Optional.of(new ConditionalAccessPolicy.GrantControls("OR", List.of("mfa"))), false));

    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(tenant).apply(LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build(), false);

    assertThat(r.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UNCHANGED);
    assertThat(r.warnings()).containsExactly(
        "includeApplications are [Office365], the recipe has [All]",
        "the policy includes users [0a1b2c3d-0000-4000-8000-000000000001] and groups [], the recipe includes All users",
        "grant controls are OR [mfa], the recipe has OR [block]",
        "m365kit changes only the state and the exclusions of an existing policy; fix the rest by hand or rename");
    assertThat(r.render()).contains("\n  warning: includeApplications are [Office365], the recipe has [All]\n").doesNotContain("note:");
    ConditionalAccessPolicy now = tenant.findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
    assertThat(now.includeApplications()).containsExactly("Office365");
    assertThat(now.grantControls()).contains(new ConditionalAccessPolicy.GrantControls("OR", List.of("mfa")));
  }

  @Test
  void drift_includedGroupsOrNoGrant_areWarnedToo_whileAllInAnyCaseIsNot() {
    ConditionalAccessPolicy.Users allPlusGroup = new ConditionalAccessPolicy.Users(List.of("all"), List.of(breakGlass.toString()), List.of(groupA.toString()), List.of());
    tenant.createConditionalAccessPolicy(existing(List.of("all"), allPlusGroup, Optional.empty(), true));

    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(tenant).apply(LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build(), false);

    assertThat(r.warnings()).containsExactly(
        "the policy includes users [all] and groups [" + groupA + "], the recipe includes All users",
        "grant controls are none, the recipe has OR [block]",
        "m365kit changes only the state and the exclusions of an existing policy; fix the rest by hand or rename");
  }

  @Test
  void update_whenOnlyTheStateDiffers_sendsOnlyTheState() {
    RecordingStore store = new RecordingStore(existing(List.of("All"),
        new ConditionalAccessPolicy.Users(List.of("All"), List.of(breakGlass.toString().toUpperCase(java.util.Locale.ROOT)), List.of(), List.of()),
        Optional.of(new ConditionalAccessPolicy.GrantControls("OR", List.of("block"))), false).withId("p-1"));

    LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(store).apply(LegacyAuthBlockPolicy.builder().enforce(true).excludeUser(breakGlass).build(), false);

    assertThat(r.changes()).containsExactly("state: enabledForReportingButNotEnforced -> enabled");
    assertThat(store.updates).containsExactly(new ConditionalAccessPolicy.Change(Optional.of(ConditionalAccessPolicy.State.ENABLED), Optional.empty()));
  }

  @Test
  void update_ofAPolicyTheStoreReturnedWithoutAnId_failsBeforeSendingAnything() {
    RecordingStore store = new RecordingStore(LegacyAuthBlockPolicy.builder().build().toPolicy());

    assertThat(catchThrowable(() -> LegacyAuthBlockApplier.using(store).apply(LegacyAuthBlockPolicy.builder().enforce(true).excludeUser(breakGlass).build(), false)))
        .isInstanceOf(IllegalStateException.class).hasMessage("the store returned a policy without an id");
    assertThat(store.updates).isEmpty();
  }

  /** A store holding one policy that records each update sent to it. */
  private static final class RecordingStore implements ConditionalAccessStore {
    private final ConditionalAccessPolicy policy;
    final List<ConditionalAccessPolicy.Change> updates = new ArrayList<>();

    RecordingStore(ConditionalAccessPolicy policy) {
      this.policy = policy;
    }

    @Override
    public List<ConditionalAccessPolicy> listConditionalAccessPolicies() {
      return List.of(policy);
    }

    @Override
    public Optional<ConditionalAccessPolicy> findConditionalAccessPolicy(String displayName) {
      return Optional.of(policy).filter(p -> p.displayName().equalsIgnoreCase(displayName));
    }

    @Override
    public ConditionalAccessPolicy createConditionalAccessPolicy(ConditionalAccessPolicy p) {
      throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void updateConditionalAccessPolicy(String id, ConditionalAccessPolicy.Change change) {
      updates.add(change);
    }
  }

  @Test
  void blockPolicy_keepsExclusionsInOrderWithoutDuplicates_andSendsGroupsOnlyWhenThereAreSome() {
    LegacyAuthBlockPolicy p = LegacyAuthBlockPolicy.builder().excludeUsers(List.of(breakGlass, ObjectId.of("8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c"), breakGlass))
        .excludeGroup(groupA).build();
    assertThat(p.excludeUsers()).containsExactly(breakGlass, ObjectId.of("8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c"));
    assertThat(p.excludeGroups()).containsExactly(groupA);
    assertThat(p.toGraphNode().at("/conditions/users/excludeGroups")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
        .containsExactly(groupA.toString());
    assertThat(LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build().toGraphNode().at("/conditions/users").has("excludeGroups")).isFalse();
  }
}
