package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.ldap.LdapConnectionConfig.TlsMode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LdapConnectionConfigTest {
  private static LdapConnectionConfig.Builder base() {
    return LdapConnectionConfig.builder().host("dc1.contoso.com").bindDn("CN=svc,DC=contoso,DC=com").bindPassword("Sup3r-Secret!".toCharArray());
  }

  @Test
  void toString_neverShowsPasswords() {
    LdapConnectionConfig c = base().trustStore(Path.of("trust.p12"), "TrustPin-42".toCharArray(), "PKCS12").build();
    assertThat(c.toString()).doesNotContain("Sup3r-Secret!").doesNotContain("TrustPin-42").contains("bindPassword=******")
        .contains("dc1.contoso.com").contains("CN=svc,DC=contoso,DC=com");
    assertThat(c.bindPassword().orElseThrow().toString()).isEqualTo("******");
    assertThat(c.bindPassword().orElseThrow().reveal()).containsExactly("Sup3r-Secret!".toCharArray());
  }

  @Test
  void bindPassword_isCopied() {
    char[] pw = "Sup3r-Secret!".toCharArray();
    LdapConnectionConfig c = LdapConnectionConfig.builder().host("h").bindDn("CN=x").bindPassword(pw).build();
    java.util.Arrays.fill(pw, 'x');
    assertThat(c.bindPassword().orElseThrow().reveal()).containsExactly("Sup3r-Secret!".toCharArray());
  }

  @Test
  void defaults_areLdapsWithHostnameCheckAndTimeouts() {
    LdapConnectionConfig c = base().build();
    assertThat(c.tlsMode()).isEqualTo(TlsMode.LDAPS);
    assertThat(c.port()).isEqualTo(636);
    assertThat(c.verifyHostname()).isTrue();
    assertThat(c.trustStore()).isEmpty();
    assertThat(c.responseTimeout()).isPositive();
    assertThat(c.connectTimeout()).isPositive();
    assertThat(base().tlsMode(TlsMode.START_TLS).build().port()).isEqualTo(389);
  }

  @Test
  void build_whenPlainWithoutOptIn_isRefused() {
    assertThatThrownBy(() -> base().tlsMode(TlsMode.PLAIN).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("allowPlaintext");
    assertThat(base().tlsMode(TlsMode.PLAIN).allowPlaintext(true).build().tlsMode()).isEqualTo(TlsMode.PLAIN);
  }

  @Test
  void build_whenOptInButLdaps_staysLdaps() {
    assertThat(base().allowPlaintext(true).build().tlsMode()).isEqualTo(TlsMode.LDAPS);
  }

  @Test
  void build_whenHostMissingOrCredentialsHalf_isRefused() {
    assertThatThrownBy(() -> LdapConnectionConfig.builder().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("host");
    assertThatThrownBy(() -> LdapConnectionConfig.builder().host("h").bindDn("CN=x").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LdapConnectionConfig.builder().host("h").bindDn("CN=x").bindPassword(new char[0]).build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_rejectsNonsense() {
    assertThatThrownBy(() -> base().port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().poolSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().responseTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
