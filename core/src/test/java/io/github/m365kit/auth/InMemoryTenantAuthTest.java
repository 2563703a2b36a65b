package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.spi.AuthPolicyStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The manager and the audit against the shipped {@link InMemoryTenant}, with its fault injection. */
class InMemoryTenantAuthTest {
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryTenant tenant = new InMemoryTenant("contoso.onmicrosoft.com", clock);

  private void addUsers(int n) {
    for (int i = 0; i < n; i++) {
      String upn = "staff" + i + "@contoso.com";
      tenant.addUser(CloudUser.builder().id(ObjectId.of(UUID.nameUUIDFromBytes(upn.getBytes(StandardCharsets.UTF_8)).toString()))
          .userPrincipalName(Upn.of(upn)).build());
    }
  }

  /** Counts assignments that went through (a fault is raised before the change, so a normal return means applied). */
  private static final class RecordingAuthPolicyStore implements AuthPolicyStore {
    private final AuthPolicyStore delegate;
    final Map<Upn, AtomicInteger> applied = new ConcurrentHashMap<>();

    RecordingAuthPolicyStore(AuthPolicyStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void create(AuthPolicy policy) {
      delegate.create(policy);
    }

    @Override
    public Optional<AuthPolicy> find(String name) {
      return delegate.find(name);
    }

    @Override
    public List<AuthPolicy> list() {
      return delegate.list();
    }

    @Override
    public void update(AuthPolicy policy) {
      delegate.update(policy);
    }

    @Override
    public void delete(String name) {
      delegate.delete(name);
    }

    @Override
    public void assign(Upn user, Optional<String> policyName) {
      delegate.assign(user, policyName);
      applied.computeIfAbsent(user, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public Optional<String> assigned(Upn user) {
      return delegate.assigned(user);
    }

    @Override
    public List<Upn> usersWith(String policyName) {
      return delegate.usersWith(policyName);
    }

    @Override
    public void refreshTokens(Upn user, Instant validFrom) {
      delegate.refreshTokens(user, validFrom);
    }

    @Override
    public Optional<String> orgDefault() {
      return delegate.orgDefault();
    }

    @Override
    public void setOrgDefault(Optional<String> policyName) {
      delegate.setOrgDefault(policyName);
    }
  }

  @Test
  void rollout_onInMemoryTenantWithTenPercentFaults_appliesEveryUserExactlyOnce() {
    addUsers(250);
    RecordingAuthPolicyStore store = new RecordingAuthPolicyStore(tenant);
    AuthPolicyManager auth = AuthPolicyManager.using(store, tenant, clock);
    PlanRunner runner = PlanRunner.builder().sleeper(clock.sleeper()).build();
    runner.run(auth.create("Block Basic Auth")).orThrow();
    runner.run(auth.createException("Allow SMTP", EnumSet.of(BasicAuthProtocol.SMTP))).orThrow();
    tenant.faults().randomly("*", 0.05, 0.05, 99L);
    RolloutReport report = auth.rollout("Block Basic Auth").except(Set.of(Upn.of("staff3@contoso.com")), "Allow SMTP")
        .tokenRefresh(TokenRefresh.EXCHANGE_STS).sleeper(clock.sleeper()).concurrency(4, 16)
        // about 1 in 3 attempts meets a fault (4 calls, 10% each); 25 attempts on the simulated clock make giving up ~1e-12
        .retryPolicy(new io.github.m365kit.plan.RetryPolicy(25, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30))).run();
    tenant.faults().clear();

    assertThat(report.failed()).isEmpty();
    assertThat(report.bulk().throttleEvents()).isPositive();
    assertThat(store.applied).hasSize(250);
    assertThat(store.applied.values()).allSatisfy(c -> assertThat(c).hasValue(1));
    assertThat(tenant.usersWith("Block Basic Auth")).hasSize(249);
    assertThat(tenant.assigned(Upn.of("staff3@contoso.com"))).contains("Allow SMTP");
    assertThat(tenant.refreshTokensValidFrom(Upn.of("staff10@contoso.com"))).isPresent();
    assertThat(report.users()).extracting(u -> u.outcome().status()).doesNotContain(BulkOutcome.Status.FAILED);
  }

  @Test
  void delete_onInMemoryTenant_isRefusedWhileAssignedNamingTheHolder() {
    addUsers(2);
    AuthPolicyManager auth = AuthPolicyManager.using(tenant, tenant, clock);
    PlanRunner runner = PlanRunner.create();
    runner.run(auth.create("Block Basic Auth")).orThrow();
    runner.run(auth.assign("Block Basic Auth", List.of(Upn.of("staff1@contoso.com")), TokenRefresh.NONE)).orThrow();
    assertThat(runner.run(auth.delete("Block Basic Auth")).failure().orElseThrow().getMessage()).contains("staff1@contoso.com");
  }

  @Test
  void audit_readsTheInMemorySignInLogThroughThePort() {
    tenant.addSignIns(List.of(
        LegacyAuthAuditTest.event("2026-02-01T10:00:00Z", "staff1@contoso.com", "IMAP4", 0, "10.0.0.1"),
        LegacyAuthAuditTest.event("2026-02-01T11:00:00Z", "staff1@contoso.com", "Browser", 0, "10.0.0.1")));
    LegacyAuthReport r = LegacyAuthAudit.builder().build().audit(tenant);
    assertThat(r.users()).singleElement().satisfies(u -> {
      assertThat(u.protocol()).isEqualTo("IMAP4");
      assertThat(u.successes()).isEqualTo(1);
    });
  }
}
