package io.github.m365kit.examples;

import static io.github.m365kit.examples.ExamplesTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.examples.ExamplesTest.Run;
import io.github.m365kit.graph.sim.GraphSimulator;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.Upn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m365kit auth ca-policy}: the JSON, and {@code --apply} on a sandbox and through the Graph adapter against the simulator. */
class CaPolicyCommandTest {

  @Test
  void withoutApply_printsTheGraphJson_andChangesNothing(@TempDir Path dir) {
    String sb = dir.toString();
    assertThat(cli("sandbox", "init", sb).code()).isZero();

    Run r = cli("--sandbox", sb, "auth", "ca-policy", "--exclude", "jane.doe@contoso.com");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"state\" : \"enabledForReportingButNotEnforced\"").contains("\"exchangeActiveSync\"");
    assertThat(TenantJson.load(dir.resolve("tenant.json")).listConditionalAccessPolicies()).isEmpty();
  }

  @Test
  void apply_createsThenLeavesAlone_thenEnforces_persistedInTheSandbox(@TempDir Path dir) {
    String sb = dir.toString();
    assertThat(cli("sandbox", "init", sb).code()).isZero();
    String jane = TenantJson.load(dir.resolve("tenant.json")).getUser(Upn.of("jane.doe@contoso.com")).id().toString();

    Run created = cli("--sandbox", sb, "auth", "ca-policy", "--apply", "--exclude", "jane.doe@contoso.com");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).startsWith("CREATED: 'Block legacy authentication'").contains("enabledForReportingButNotEnforced");

    Run again = cli("--sandbox", sb, "auth", "ca-policy", "--apply", "--exclude", "jane.doe@contoso.com");
    assertThat(again.out()).startsWith("UNCHANGED: ").doesNotContain("changed:");

    Run enforced = cli("--sandbox", sb, "auth", "ca-policy", "--apply", "--enforce", "--exclude", "jane.doe@contoso.com");
    assertThat(enforced.code()).as(enforced.err()).isZero();
    assertThat(enforced.out()).startsWith("UPDATED: ").contains("changed: state: enabledForReportingButNotEnforced -> enabled");

    ConditionalAccessPolicy stored = TenantJson.load(dir.resolve("tenant.json")).findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
    assertThat(stored.state()).isEqualTo(ConditionalAccessPolicy.State.ENABLED);
    assertThat(stored.users().excludeUsers()).containsExactly(jane);
  }

  @Test
  void enforceWithoutExclusion_isRefused_unlessForced(@TempDir Path dir) {
    String sb = dir.toString();
    assertThat(cli("sandbox", "init", sb).code()).isZero();

    Run refused = cli("--sandbox", sb, "auth", "ca-policy", "--apply", "--enforce");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).startsWith("m365kit: ").contains("break-glass").hasLineCount(1);
    assertThat(TenantJson.load(dir.resolve("tenant.json")).listConditionalAccessPolicies()).isEmpty();

    Run forced = cli("--sandbox", sb, "auth", "ca-policy", "--apply", "--enforce", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(forced.out()).startsWith("CREATED: ").contains(") is enabled");

    assertThat(cli("--sandbox", sb, "auth", "ca-policy", "--force").code()).isEqualTo(1);
  }

  @Test
  void apply_withTenantId_goesThroughGraphToTheSimulator_andSaysWhatIsUnconfirmed(@TempDir Path dir) throws Exception {
    InMemoryTenant tenant = InMemoryTenant.demo();
    try (GraphSimulator sim = GraphSimulator.start(tenant)) {
      Path token = dir.resolve("token");
      Files.writeString(token, GraphSimulator.TOKEN);
      String[] real = {"--tenant-id", sim.tenantId(), "--graph-url", sim.graphBaseUrl().toString(), "--exchange-url",
          sim.exchangeBaseUrl().toString(), "--access-token-file", token.toString(), "auth", "ca-policy", "--apply", "--exclude", "jane.doe@contoso.com"};

      Run created = cli(real);
      assertThat(created.code()).as(created.out() + created.err()).isZero();
      assertThat(created.out()).startsWith("CREATED: ");
      assertThat(created.err()).contains("UNCONFIRMED");
      ConditionalAccessPolicy p = tenant.findConditionalAccessPolicy("Block legacy authentication").orElseThrow();
      assertThat(p.users().excludeUsers()).containsExactly(tenant.getUser(Upn.of("jane.doe@contoso.com")).id().toString());
      long requests = sim.requestCount();

      Run again = cli(real);
      assertThat(again.out()).startsWith("UNCHANGED: ");
      assertThat(sim.requestCount() - requests).as("a Graph user look-up and one GET of the policies, no write").isEqualTo(2);
      assertThat(tenant.listConditionalAccessPolicies()).hasSize(1);
    }
  }
}
