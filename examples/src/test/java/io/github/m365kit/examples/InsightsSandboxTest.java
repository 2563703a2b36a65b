package io.github.m365kit.examples;

import static io.github.m365kit.examples.ExamplesTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.examples.ExamplesTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m365kit insights set} in a sandbox: the next command sees the change (it is saved in tenant.json). */
class InsightsSandboxTest {

  @Test
  void set_thenShow_inTheSameSandbox_seesTheUsersAndTheTenantsSettings(@TempDir Path dir) {
    String sb = dir.toString();
    assertThat(cli("sandbox", "init", sb).code()).isZero();

    Run user = cli("--sandbox", sb, "insights", "set", "--user", "jane.doe@contoso.com", "--privacy-mode", "opt-out");
    assertThat(user.code()).as(user.err()).isZero();
    Run feature = cli("--sandbox", sb, "insights", "set", "--user", "jane.doe@contoso.com", "--feature", "dashboard", "--enabled", "false");
    assertThat(feature.code()).as(feature.err()).isZero();
    Run tenant = cli("--sandbox", sb, "insights", "set", "--tenant", "--feature", "digest-email", "--enabled", "false");
    assertThat(tenant.code()).as(tenant.err()).isZero();

    Run shown = cli("--sandbox", sb, "insights", "show", "jane.doe@contoso.com");
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("privacy mode: opt-out (set for the user)").contains("dashboard: off (set for the user)")
        .contains("digest-email: off (tenant default)");

    Run defaults = cli("--sandbox", sb, "insights", "show");
    assertThat(defaults.code()).as(defaults.err()).isZero();
    assertThat(defaults.out()).startsWith("Tenant defaults (users can override each)").contains("\n  privacy mode: opt-in\n")
        .contains("\n  Viva digest emails: off (-Feature Digest-email)\n").contains("\n  Viva Insights web experience: on (-Feature Dashboard)\n")
        .doesNotContain("TenantInsightsDefaults[");

    Run again = cli("--sandbox", sb, "insights", "set", "--user", "jane.doe@contoso.com", "--privacy-mode", "opt-out");
    assertThat(again.out()).as("already in place on the second run").contains("ALREADY_DONE");
  }
}
