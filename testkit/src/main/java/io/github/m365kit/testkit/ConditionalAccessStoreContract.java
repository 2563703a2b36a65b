package io.github.m365kit.testkit;

import static io.github.m365kit.testkit.TenantFixture.LICENSED;
import static io.github.m365kit.testkit.TenantFixture.TRUSTEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.Change;
import io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType;
import io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.ConditionalAccessPolicy.Users;
import io.github.m365kit.auth.LegacyAuthBlockApplier;
import io.github.m365kit.auth.LegacyAuthBlockPolicy;
import io.github.m365kit.spi.ConditionalAccessStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConditionalAccessStore} must have, error types included: created policies read back as
 * sent with a new id, look-up by display name ignores case and refuses to guess between duplicates, incomplete
 * policies are refused (no applications rule, no users rule, neither grant nor session control), updates change only
 * the state and the users condition, unknown ids are not found, and {@link LegacyAuthBlockApplier} is idempotent on
 * it. Extend it and return a fresh store holding the {@link TenantFixture} (no Conditional Access policy) from
 * {@link #newStore(TenantFixture)}. Every test here is required.
 */
public abstract class ConditionalAccessStoreContract extends PortContract {
  /** The store under test, fresh for each test. */
  protected ConditionalAccessStore store;

  /** Creates the contract. */
  protected ConditionalAccessStoreContract() {}

  /**
   * Creates a fresh backend holding exactly the fixture. Called before each test.
   *
   * @param fixture the state to create
   * @return the store to test
   */
  protected abstract ConditionalAccessStore newStore(TenantFixture fixture);

  /** Creates the store for the next test. */
  @BeforeEach
  final void createStore() {
    store = newStore(TenantFixture.standard());
  }

  private static String id(io.github.m365kit.model.Upn upn) {
    return TenantFixture.standard().user(upn).id().toString();
  }

  private static ConditionalAccessPolicy policy(String name, State state, Optional<GrantControls> grant, List<String> apps, List<String> include) {
    return new ConditionalAccessPolicy(Optional.empty(), name, state, Set.of(ClientAppType.EXCHANGE_ACTIVE_SYNC, ClientAppType.OTHER), apps,
        new Users(include, List.of(id(TRUSTEE)), List.of(), List.of()), grant, false);
  }

  private static ConditionalAccessPolicy blockLegacy(String name) {
    return policy(name, State.REPORT_ONLY, Optional.of(new GrantControls("OR", List.of("block"))), List.of("All"), List.of("All"));
  }

  @Test
  void list_startsEmpty() {
    assertThat(store.listConditionalAccessPolicies()).isEmpty();
  }

  @Test
  void create_returnsTheNewId_andReadsBackAsSent() {
    ConditionalAccessPolicy sent = blockLegacy("Block legacy authentication");
    ConditionalAccessPolicy created = store.createConditionalAccessPolicy(sent);

    assertThat(created.id()).isPresent();
    assertThat(UUID.fromString(created.id().get())).isNotNull();
    assertThat(created).isEqualTo(sent.withId(created.id().get()));
    eventually(() -> {
      assertThat(store.findConditionalAccessPolicy("Block legacy authentication")).contains(created);
      assertThat(store.listConditionalAccessPolicies()).containsExactly(created);
    });
  }

  @Test
  void create_everyStateRoundTrips() {
    for (State s : State.values()) {
      ConditionalAccessPolicy created = store.createConditionalAccessPolicy(policy("state " + s, s,
          Optional.of(new GrantControls("OR", List.of("block"))), List.of("All"), List.of("All")));
      eventually(() -> assertThat(store.findConditionalAccessPolicy("state " + s).orElseThrow().state()).isEqualTo(s));
      assertThat(created.state()).isEqualTo(s);
    }
  }

  @Test
  void find_ignoresCase_andIsEmptyForAnUnknownName() {
    ConditionalAccessPolicy created = store.createConditionalAccessPolicy(blockLegacy("Block legacy authentication"));

    eventually(() -> assertThat(store.findConditionalAccessPolicy("BLOCK LEGACY AUTHENTICATION")).contains(created));
    assertThat(store.findConditionalAccessPolicy("No such policy")).isEmpty();
  }

  @Test
  void duplicateDisplayNames_areAllowed_butFindRefusesToGuess() {
    ConditionalAccessPolicy a = store.createConditionalAccessPolicy(blockLegacy("Twin"));
    ConditionalAccessPolicy b = store.createConditionalAccessPolicy(blockLegacy("twin"));

    assertThat(a.id()).isNotEqualTo(b.id());
    eventually(() -> assertThat(store.listConditionalAccessPolicies()).hasSize(2));
    AmbiguousMatchException e = expectThrows(AmbiguousMatchException.class, () -> store.findConditionalAccessPolicy("Twin"));
    assertThat(e.matches()).containsExactlyInAnyOrder(a.id().get(), b.id().get());
  }

  @Test
  void create_withoutGrantOrSessionControl_isRefused() {
    InvalidInputException e = expectThrows(InvalidInputException.class, () -> store.createConditionalAccessPolicy(
        policy("No control", State.REPORT_ONLY, Optional.empty(), List.of("All"), List.of("All"))));
    assertThat(e.getMessage()).contains("grant");
    assertThat(store.listConditionalAccessPolicies()).isEmpty();
  }

  @Test
  void create_withoutApplicationsOrUsersRule_isRefused() {
    Optional<GrantControls> block = Optional.of(new GrantControls("OR", List.of("block")));
    assertThat(expectThrows(InvalidInputException.class, () -> store.createConditionalAccessPolicy(
        policy("No apps", State.REPORT_ONLY, block, List.of(), List.of("All")))).getMessage()).contains("applications");
    assertThat(expectThrows(InvalidInputException.class, () -> store.createConditionalAccessPolicy(
        policy("No users", State.REPORT_ONLY, block, List.of("All"), List.of()))).getMessage()).contains("users");
    assertThat(store.listConditionalAccessPolicies()).isEmpty();
  }

  @Test
  void update_state_changesOnlyTheState() {
    ConditionalAccessPolicy created = store.createConditionalAccessPolicy(blockLegacy("Block legacy authentication"));

    store.updateConditionalAccessPolicy(created.id().get(), new Change(Optional.of(State.ENABLED), Optional.empty()));

    eventually(() -> assertThat(store.findConditionalAccessPolicy("Block legacy authentication"))
        .contains(new ConditionalAccessPolicy(created.id(), created.displayName(), State.ENABLED, created.clientAppTypes(),
            created.includeApplications(), created.users(), created.grantControls(), false)));
  }

  @Test
  void update_exclusions_replacesTheUsersCondition_only() {
    ConditionalAccessPolicy created = store.createConditionalAccessPolicy(blockLegacy("Block legacy authentication"));
    Users users = created.users().withExclusions(List.of(id(LICENSED), id(TRUSTEE)), List.of());

    store.updateConditionalAccessPolicy(created.id().get(), new Change(Optional.empty(), Optional.of(users)));

    eventually(() -> {
      ConditionalAccessPolicy now = store.findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
      assertThat(now.users().excludeUsers()).containsExactlyInAnyOrder(id(LICENSED), id(TRUSTEE));
      assertThat(now.users().includeUsers()).containsExactly("All");
      assertThat(now.state()).isEqualTo(State.REPORT_ONLY);
      assertThat(now.clientAppTypes()).isEqualTo(created.clientAppTypes());
      assertThat(now.grantControls()).isEqualTo(created.grantControls());
    });
  }

  @Test
  void update_thatRemovesTheUsersRule_isRefused_andChangesNothing() {
    ConditionalAccessPolicy created = store.createConditionalAccessPolicy(blockLegacy("Block legacy authentication"));

    expectThrows(InvalidInputException.class, () -> store.updateConditionalAccessPolicy(created.id().get(),
        new Change(Optional.of(State.ENABLED), Optional.of(new Users(List.of(), List.of(), List.of(), List.of())))));

    assertThat(store.findConditionalAccessPolicy("Block legacy authentication")).contains(created);
  }

  @Test
  void update_unknownId_isNotFound() {
    expectThrows(NotFoundException.class, () -> store.updateConditionalAccessPolicy(UUID.randomUUID().toString(),
        new Change(Optional.of(State.DISABLED), Optional.empty())));
  }

  @Test
  void applier_createsThenUpdatesThenLeavesAlone() {
    LegacyAuthBlockApplier applier = LegacyAuthBlockApplier.using(store);
    LegacyAuthBlockPolicy reportOnly = LegacyAuthBlockPolicy.builder()
        .excludeUser(TenantFixture.standard().user(TRUSTEE).id()).build();

    LegacyAuthBlockApplier.Result first = applier.apply(reportOnly, false);
    assertThat(first.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.CREATED);
    eventually(() -> assertThat(store.listConditionalAccessPolicies()).hasSize(1));
    assertThat(applier.apply(reportOnly, false).outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UNCHANGED);

    LegacyAuthBlockPolicy enforced = LegacyAuthBlockPolicy.builder().enforce(true)
        .excludeUser(TenantFixture.standard().user(TRUSTEE).id()).excludeUser(TenantFixture.standard().user(LICENSED).id()).build();
    LegacyAuthBlockApplier.Result second = applier.apply(enforced, false);
    assertThat(second.outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UPDATED);
    assertThat(second.changes()).hasSize(2);
    eventually(() -> {
      ConditionalAccessPolicy now = store.findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
      assertThat(now.state()).isEqualTo(State.ENABLED);
      assertThat(now.users().excludeUsers()).containsExactlyInAnyOrder(id(TRUSTEE), id(LICENSED));
      assertThat(now.id()).isEqualTo(first.policy().id());
    });
    assertThat(applier.apply(enforced, false).outcome()).isEqualTo(LegacyAuthBlockApplier.Outcome.UNCHANGED);
    assertThat(store.listConditionalAccessPolicies()).hasSize(1);
  }
}
