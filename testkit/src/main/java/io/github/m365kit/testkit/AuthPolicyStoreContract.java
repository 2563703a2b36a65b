package io.github.m365kit.testkit;

import static io.github.m365kit.testkit.TenantFixture.BLOCK_ALL_POLICY;
import static io.github.m365kit.testkit.TenantFixture.HOSTILE;
import static io.github.m365kit.testkit.TenantFixture.LICENSED;
import static io.github.m365kit.testkit.TenantFixture.MISSING;
import static io.github.m365kit.testkit.TenantFixture.SMTP_POLICY;
import static io.github.m365kit.testkit.TenantFixture.TRUSTEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.spi.AuthPolicyStore;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuthPolicyStore} must have, error types included: unique names without regard to case,
 * no delete while a policy is assigned or is the org default, assignments that round-trip. Extend it and return a
 * fresh store holding the {@link TenantFixture} (its users and its two policies, nothing assigned, no org default)
 * from {@link #newStore(TenantFixture)}. Every test here is required.
 */
public abstract class AuthPolicyStoreContract extends PortContract {
  /** The store under test, fresh for each test. */
  protected AuthPolicyStore store;

  /** Creates the contract. */
  protected AuthPolicyStoreContract() {}

  /**
   * Creates a fresh backend holding exactly the fixture. Called before each test.
   *
   * @param fixture the state to create
   * @return the store to test
   */
  protected abstract AuthPolicyStore newStore(TenantFixture fixture);

  /** Creates the store for the next test. */
  @BeforeEach
  final void createStore() {
    store = newStore(TenantFixture.standard());
  }

  private static final String HOSTILE_NAME = "O'Brien's \"legacy\" $IMAP & <POP> policy";

  @Test
  void list_holdsTheFixturePolicies() {
    assertThat(store.list()).extracting(AuthPolicy::name).contains(BLOCK_ALL_POLICY, SMTP_POLICY);
  }

  @Test
  void find_returnsSwitchesAsSeeded() {
    AuthPolicy p = store.find(SMTP_POLICY).orElseThrow();
    assertThat(p.allowBasicAuth()).containsExactly(BasicAuthProtocol.SMTP);
    assertThat(store.find(BLOCK_ALL_POLICY).orElseThrow().allowBasicAuth()).isEmpty();
  }

  @Test
  void find_ignoresCase() {
    assertThat(store.find(BLOCK_ALL_POLICY.toUpperCase(Locale.ROOT))).map(AuthPolicy::name).contains(BLOCK_ALL_POLICY);
  }

  @Test
  void find_whenMissing_isEmpty() {
    assertThat(store.find("No Such Policy")).isEmpty();
  }

  @Test
  void create_thenFind_roundTripsNameAndSwitches() {
    store.create(AuthPolicy.builder().name(HOSTILE_NAME).addAllowBasicAuth(BasicAuthProtocol.IMAP, BasicAuthProtocol.POP).build());
    eventually(() -> {
      AuthPolicy p = store.find(HOSTILE_NAME).orElseThrow();
      assertThat(p.name()).isEqualTo(HOSTILE_NAME);
      assertThat(p.allowBasicAuth()).containsExactlyInAnyOrder(BasicAuthProtocol.IMAP, BasicAuthProtocol.POP);
      assertThat(store.list()).extracting(AuthPolicy::name).contains(HOSTILE_NAME);
    });
  }

  @Test
  void create_whenNameExists_throwsConflictNamingThePolicy() {
    ConflictException e = expectThrows(ConflictException.class, () -> store.create(AuthPolicy.blockAll(SMTP_POLICY)));
    assertThat(e).hasMessageContaining(SMTP_POLICY);
    assertThat(store.find(SMTP_POLICY).orElseThrow().allowBasicAuth()).containsExactly(BasicAuthProtocol.SMTP);
  }

  @Test
  void create_whenNameDiffersOnlyInCase_throwsConflict() {
    expectThrows(ConflictException.class, () -> store.create(AuthPolicy.blockAll(BLOCK_ALL_POLICY.toLowerCase(Locale.ROOT))));
  }

  @Test
  void update_replacesTheSwitches() {
    store.update(AuthPolicy.builder().name(SMTP_POLICY).addAllowBasicAuth(BasicAuthProtocol.ACTIVE_SYNC).build());
    eventually(() -> assertThat(store.find(SMTP_POLICY).orElseThrow().allowBasicAuth()).containsExactly(BasicAuthProtocol.ACTIVE_SYNC));
  }

  @Test
  void update_withNameInOtherCase_keepsTheOriginalName() {
    store.update(AuthPolicy.blockAll(SMTP_POLICY.toUpperCase(Locale.ROOT)));
    eventually(() -> {
      AuthPolicy p = store.find(SMTP_POLICY).orElseThrow();
      assertThat(p.name()).isEqualTo(SMTP_POLICY);
      assertThat(p.allowBasicAuth()).isEmpty();
    });
  }

  @Test
  void update_whenMissing_throwsNotFoundNamingThePolicy() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.update(AuthPolicy.blockAll("No Such Policy")));
    assertThat(e).hasMessageContaining("No Such Policy");
  }

  @Test
  void delete_removesThePolicy() {
    store.delete(SMTP_POLICY);
    eventually(() -> {
      assertThat(store.find(SMTP_POLICY)).isEmpty();
      assertThat(store.list()).extracting(AuthPolicy::name).doesNotContain(SMTP_POLICY);
    });
  }

  @Test
  void delete_whenMissing_throwsNotFoundNamingThePolicy() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.delete("No Such Policy"));
    assertThat(e).hasMessageContaining("No Such Policy");
  }

  @Test
  void delete_whileAssigned_throwsConflictNamingPolicyAndHolder() {
    store.assign(HOSTILE, Optional.of(SMTP_POLICY));
    ConflictException e = expectThrows(ConflictException.class, () -> store.delete(SMTP_POLICY));
    assertThat(e).hasMessageContaining(SMTP_POLICY).hasMessageContaining(HOSTILE.value());
    assertThat(store.find(SMTP_POLICY)).isPresent();
  }

  @Test
  void delete_afterUnassigning_succeeds() {
    store.assign(LICENSED, Optional.of(SMTP_POLICY));
    store.assign(LICENSED, Optional.empty());
    store.delete(SMTP_POLICY);
    eventually(() -> assertThat(store.find(SMTP_POLICY)).isEmpty());
  }

  @Test
  void delete_whileOrgDefault_throwsConflictNamingThePolicy() {
    store.setOrgDefault(Optional.of(BLOCK_ALL_POLICY));
    ConflictException e = expectThrows(ConflictException.class, () -> store.delete(BLOCK_ALL_POLICY));
    assertThat(e).hasMessageContaining(BLOCK_ALL_POLICY);
    assertThat(store.find(BLOCK_ALL_POLICY)).isPresent();
  }

  @Test
  void assign_thenAssigned_roundTrips() {
    store.assign(LICENSED, Optional.of(BLOCK_ALL_POLICY));
    eventually(() -> assertThat(store.assigned(LICENSED)).contains(BLOCK_ALL_POLICY));
  }

  @Test
  void assign_toHostileButValidUpn_roundTrips() {
    store.assign(HOSTILE, Optional.of(BLOCK_ALL_POLICY));
    eventually(() -> {
      assertThat(store.assigned(HOSTILE)).contains(BLOCK_ALL_POLICY);
      assertThat(store.usersWith(BLOCK_ALL_POLICY)).containsExactly(HOSTILE);
    });
  }

  @Test
  void assign_sameTwice_isIdempotent() {
    store.assign(LICENSED, Optional.of(BLOCK_ALL_POLICY));
    store.assign(LICENSED, Optional.of(BLOCK_ALL_POLICY));
    eventually(() -> assertThat(store.usersWith(BLOCK_ALL_POLICY)).containsExactly(LICENSED));
  }

  @Test
  void assign_anotherPolicy_replacesTheFirst() {
    store.assign(LICENSED, Optional.of(BLOCK_ALL_POLICY));
    store.assign(LICENSED, Optional.of(SMTP_POLICY));
    eventually(() -> {
      assertThat(store.assigned(LICENSED)).contains(SMTP_POLICY);
      assertThat(store.usersWith(BLOCK_ALL_POLICY)).isEmpty();
    });
  }

  @Test
  void assign_empty_removesTheAssignment() {
    store.assign(LICENSED, Optional.of(BLOCK_ALL_POLICY));
    store.assign(LICENSED, Optional.empty());
    eventually(() -> assertThat(store.assigned(LICENSED)).isEmpty());
  }

  @Test
  void assigned_whenNothingAssigned_isEmpty() {
    assertThat(store.assigned(TRUSTEE)).isEmpty();
  }

  @Test
  void assign_whenPolicyMissing_throwsNotFoundAndAssignsNothing() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.assign(LICENSED, Optional.of("No Such Policy")));
    assertThat(e).hasMessageContaining("No Such Policy");
    assertThat(store.assigned(LICENSED)).isEmpty();
  }

  @Test
  void assign_whenUserMissing_throwsNotFoundNamingTheUser() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.assign(MISSING, Optional.of(BLOCK_ALL_POLICY)));
    assertThat(e).hasMessageContaining(MISSING.value());
  }

  @Test
  void assigned_whenUserMissing_throwsNotFound() {
    expectThrows(NotFoundException.class, () -> store.assigned(MISSING));
  }

  @Test
  void usersWith_listsEveryHolder() {
    store.assign(LICENSED, Optional.of(SMTP_POLICY));
    store.assign(TRUSTEE, Optional.of(SMTP_POLICY));
    eventually(() -> assertThat(store.usersWith(SMTP_POLICY)).containsExactlyInAnyOrder(LICENSED, TRUSTEE));
  }

  @Test
  void usersWith_whenPolicyMissing_throwsNotFound() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.usersWith("No Such Policy"));
    assertThat(e).hasMessageContaining("No Such Policy");
  }

  @Test
  void refreshTokens_whenUserExists_isAccepted() {
    store.refreshTokens(HOSTILE, TenantFixture.NOW);
    store.refreshTokens(HOSTILE, TenantFixture.NOW);
    assertThat(store.assigned(HOSTILE)).isEmpty();
  }

  @Test
  void refreshTokens_whenUserMissing_throwsNotFound() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.refreshTokens(MISSING, Instant.EPOCH));
    assertThat(e).hasMessageContaining(MISSING.value());
  }

  @Test
  void orgDefault_whenUnset_isEmpty() {
    assertThat(store.orgDefault()).isEmpty();
  }

  @Test
  void setOrgDefault_roundTripsAndClears() {
    store.setOrgDefault(Optional.of(BLOCK_ALL_POLICY));
    eventually(() -> assertThat(store.orgDefault()).contains(BLOCK_ALL_POLICY));
    store.setOrgDefault(Optional.empty());
    eventually(() -> assertThat(store.orgDefault()).isEmpty());
  }

  @Test
  void setOrgDefault_whenPolicyMissing_throwsNotFoundAndKeepsTheDefault() {
    store.setOrgDefault(Optional.of(SMTP_POLICY));
    NotFoundException e = expectThrows(NotFoundException.class, () -> store.setOrgDefault(Optional.of("No Such Policy")));
    assertThat(e).hasMessageContaining("No Such Policy");
    assertThat(store.orgDefault()).contains(SMTP_POLICY);
  }
}
