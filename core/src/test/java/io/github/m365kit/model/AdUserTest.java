package io.github.m365kit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdUserTest {

  private static ImmutableAdUser.Builder jane() {
    return AdUser.builder().dn(DistinguishedName.of("CN=Jane Doe,OU=Staff,DC=contoso,DC=com")).samAccountName(SamAccountName.of("jdoe"));
  }

  @Test
  void userAccountControl_defaultsToAnEnabledNormalAccount() {
    AdUser u = jane().build();
    assertThat(u.userAccountControl()).isEqualTo(512);
    assertThat(u.isDisabled()).isFalse();
    assertThat(jane().userAccountControl(514).build().isDisabled()).isTrue();
  }

  @Test
  void umEnabled_isTrueForAnEumProxyInAnyCaseWithoutTheFlagsAttribute() {
    assertThat(jane().proxyAddresses(List.of("SMTP:jane@contoso.com")).build().umEnabled()).isFalse();
    AdUser um = jane().proxyAddresses(List.of("SMTP:jane@contoso.com", "eum:4123;phone-context=DP.contoso.com")).build();
    assertThat(um.umEnabled()).isTrue();
    assertThat(um.umExtension()).contains("4123");
    assertThat(jane().umEnabledFlags(3L).build().umEnabled()).isTrue();
  }

  @Test
  void umExtension_ignoresSipAndE164Proxies() {
    AdUser u = jane().proxyAddresses(List.of("EUM:jane@contoso.com;phone-context=x", "EUM:+14255550100;phone-context=y", "EUM:7001")).build();
    assertThat(u.umExtension()).contains("7001");
  }

  @Test
  void umExtension_isAbsentWhenTheEumProxyHoldsNoNumber_butTheUserStillCountsAsUmEnabled() {
    AdUser u = jane().proxyAddresses(List.of("EUM:;phone-context=DP.contoso.com")).build();
    assertThat(u.umExtension()).isEmpty();
    assertThat(u.umEnabled()).isTrue();
    assertThat(jane().proxyAddresses(List.of("EUM:;phone-context=x", "EUM:4123;phone-context=x")).build().umExtension()).contains("4123");
  }
}
