package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphCredentialsTest {
  @Test
  void clientSecret_toString_redactsTheSecret() {
    TokenCredential c = GraphCredentials.clientSecret("tenant-1", "client-1", "s3cr3t-value", GraphCloud.US_GOV);

    assertThat(c.toString()).contains("tenant-1", "client-1", "secret=***").doesNotContain("s3cr3t-value");
  }

  @Test
  void certificate_toString_redactsThePassword() {
    TokenCredential c = GraphCredentials.certificate("tenant-1", "client-1", Path.of("/tmp/app.pfx"), Optional.of("pfx-pass"), GraphCloud.GLOBAL);

    assertThat(c.toString()).contains("app.pfx", "password=***").doesNotContain("pfx-pass");
  }

  @Test
  void clientSecret_whenBlank_isRefusedNamingTheParameter() {
    assertThatThrownBy(() -> GraphCredentials.clientSecret("tenant-1", "client-1", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("clientSecret is blank");
  }

  @Test
  void clouds_carryGraphExchangeAndAuthorityHosts() {
    assertThat(GraphCloud.GLOBAL.exchangeScope()).isEqualTo("https://outlook.office365.com/.default");
    assertThat(GraphCloud.US_GOV.graphScope()).isEqualTo("https://graph.microsoft.us/.default");
    assertThat(GraphCloud.CHINA.authorityHost().getHost()).isEqualTo("login.chinacloudapi.cn");
  }
}
