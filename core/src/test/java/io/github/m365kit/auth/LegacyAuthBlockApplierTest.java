package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
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
}
