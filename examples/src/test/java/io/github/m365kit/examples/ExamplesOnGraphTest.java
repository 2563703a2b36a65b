package io.github.m365kit.examples;

import static io.github.m365kit.examples.ExamplesTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.examples.ExamplesTest.Run;
import io.github.m365kit.graph.sim.GraphSimulator;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code group} and {@code insights} commands with {@code --tenant-id}: they run through GraphBackend's ports over
 * HTTP against the loopback {@link GraphSimulator}, and the test checks the simulator's tenant, not the CLI's output
 * alone.
 */
class ExamplesOnGraphTest {
  @TempDir Path dir;
  InMemoryTenant tenant;
  GraphSimulator sim;
  String[] real;

  @BeforeEach
  void start() throws Exception {
    tenant = InMemoryTenant.demo();
    sim = GraphSimulator.start(tenant);
    Path token = dir.resolve("token");
    Files.writeString(token, GraphSimulator.TOKEN);
    real = new String[] {"--tenant-id", sim.tenantId(), "--graph-url", sim.graphBaseUrl().toString(),
        "--exchange-url", sim.exchangeBaseUrl().toString(), "--access-token-file", token.toString()};
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Run run(String... args) {
    String[] all = Arrays.copyOf(real, real.length + args.length);
    System.arraycopy(args, 0, all, real.length, args.length);
    return cli(all);
  }

  @Test
  void groupCommands_withTenantId_createPauseAndListThroughGraph() {
    String rule = cli("rule", "build", "--department", "Finance").out().trim();
    long before = sim.requestCount();
    Run created = run("group", "create", "--name", "Finance", "--nickname", "finance-dyn", "--rule", rule);
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(sim.requestCount()).as("the create went over HTTP").isGreaterThan(before);
    ObjectId id = ObjectId.of(created.out().trim());
    assertThat(tenant.find(id)).as("the group is in the simulator's tenant").isPresent();
    Run members = run("group", "members", id.toString());
    assertThat(members.code()).as(members.err()).isZero();
    assertThat(members.out().lines().toList()).containsExactlyElementsOf(tenant.members(id).stream().map(Upn::toString).toList())
        .isNotEmpty();
    assertThat(run("group", "pause", "finance-dyn").code()).as("named by mail nickname, looked up through Graph $filter").isZero();
    assertThat(tenant.find(id).orElseThrow().paused()).isTrue();
    assertThat(run("group", "update-rule", id.toString(), "--rule", "user.department -eq \"Legal\"").code()).isZero();
    assertThat(tenant.find(id).orElseThrow().membershipRule()).isEqualTo("user.department -eq \"Legal\"");
    Run missing = run("group", "members", "00000000-0000-0000-0000-000000000001");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).hasLineCount(1);
  }

  @Test
  void insightsCommands_withTenantId_readAndChangeTheSimulatorsSettings() {
    Upn jane = Upn.of("jane.doe@contoso.com");
    Run setUser = run("insights", "set", "--user", jane.toString(), "--privacy-mode", "opt-out");
    assertThat(setUser.code()).as(setUser.out() + setUser.err()).isZero();
    assertThat(setUser.err()).contains("UNCONFIRMED");
    assertThat(tenant.insights().userConfig(jane).privacyMode()).contains(PrivacyMode.OPT_OUT);

    Run feature = run("insights", "set", "--user", jane.toString(), "--feature", "dashboard", "--enabled", "false");
    assertThat(feature.code()).as(feature.out() + feature.err()).isZero();
    assertThat(tenant.insights().userConfig(jane).feature(UserFeature.DASHBOARD)).contains(false);

    Run tenantDefault = run("insights", "set", "--tenant", "--feature", "digest-email", "--enabled", "false");
    assertThat(tenantDefault.code()).as(tenantDefault.out() + tenantDefault.err()).isZero();
    assertThat(tenant.insights().tenantDefaults().isEnabled(TenantFeature.DIGEST_EMAIL)).isFalse();

    Run show = run("insights", "show", jane.toString());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains("opt-out");
    assertThat(show.err()).contains("UNCONFIRMED");
  }

  @Test
  void insightsSet_withTenantId_whenNoCmdletParameterExists_failsOnOneLine() {
    Run r = run("insights", "set", "--tenant", "--privacy-mode", "opt-out");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("admin center").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(tenant.insights().tenantDefaults().defaultPrivacyMode()).isEqualTo(PrivacyMode.OPT_IN);
  }

  @Test
  void insightsShow_withoutTenantId_saysNothingAboutInvokeCommand() {
    Run show = cli("insights", "show");
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.err()).doesNotContain("UNCONFIRMED");
  }
}
