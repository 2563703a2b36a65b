package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The small values of the auth package: policy names, client-app classification, sign-in events, advice, KQL literals. */
class AuthValuesTest {

  @Test
  void authPolicy_allowsExactlyTheListedProtocols() {
    AuthPolicy p = AuthPolicy.builder().name("Allow POP").allowBasicAuth(EnumSet.of(BasicAuthProtocol.POP)).build();
    assertThat(p.allows(BasicAuthProtocol.POP)).isTrue();
    assertThat(p.allows(BasicAuthProtocol.IMAP)).isFalse();
  }

  @Test
  void authPolicyName_ofExactly64Characters_isAccepted_65AreNot() {
    String name64 = "p".repeat(64);
    assertThat(AuthPolicy.validateName(name64)).isEqualTo(name64);
    assertThat(AuthPolicy.blockAll(name64).name()).isEqualTo(name64);
    assertThatThrownBy(() -> AuthPolicy.validateName("p".repeat(65))).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it has 65 characters; Exchange allows at most 64");
  }

  @Test
  void authPolicyName_withAControlCharacterAnywhere_isRejected() {
    assertThatThrownBy(() -> AuthPolicy.blockAll("Block\u0007Basic")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it contains a control character");
    assertThatThrownBy(() -> AuthPolicy.validateName("Block Basic Auth\n")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it contains a control character");
    assertThatThrownBy(() -> AuthPolicy.validateName("   ")).isInstanceOf(InvalidInputException.class).hasMessageEndingWith("it is empty");
  }

  @Test
  void clientApp_ofNull_isUnknownAndCountsAsLegacy() {
    assertThat(ClientApp.of(null)).isEqualTo(ClientApp.UNKNOWN);
    assertThat(ClientApp.of(null).legacy()).isTrue();
    assertThat(ClientApp.of(" autodiscover ")).isEqualTo(ClientApp.AUTODISCOVER);
  }

  @Test
  void signInEvent_missingTextFieldsBecomeEmpty_givenOnesAreKept() {
    SignInEvent missing = new SignInEvent(Instant.EPOCH, null, null, null, 50126, null, null, null, false);
    assertThat(missing.userPrincipalName()).isEmpty();
    assertThat(missing.userId()).isEmpty();
    assertThat(missing.clientAppUsed()).isEmpty();
    assertThat(missing.failureReason()).isEmpty();
    assertThat(missing.ipAddress()).isEmpty();
    assertThat(missing.appDisplayName()).isEmpty();
    SignInEvent given = new SignInEvent(Instant.EPOCH, "a@contoso.com", "id-1", "IMAP4", 50126, "Invalid password", "10.0.0.1", "Mail", true);
    assertThat(given.userId()).isEqualTo("id-1");
    assertThat(given.failureReason()).isEqualTo("Invalid password");
    assertThat(given.succeeded()).isFalse();
  }

  @Test
  void signInEvent_isLegacy_followsTheClientApp() {
    assertThat(new SignInEvent(Instant.EPOCH, "a@contoso.com", "", "Browser", 0, "", "", "", true).isLegacy()).isFalse();
    assertThat(new SignInEvent(Instant.EPOCH, "a@contoso.com", "", "Mobile Apps and Desktop clients", 0, "", "", "", true).isLegacy()).isFalse();
    assertThat(new SignInEvent(Instant.EPOCH, "a@contoso.com", "", "IMAP4", 0, "", "", "", false).isLegacy()).isTrue();
    assertThat(new SignInEvent(Instant.EPOCH, "a@contoso.com", "", "Something new", 0, "", "", "", false).isLegacy()).isTrue();
  }

  @Test
  void advice_namesTheModernReplacement_forEachKindOfLegacyClient() {
    assertThat(ModernClientAdvice.recommendFor(ClientApp.OUTLOOK_SERVICE)).startsWith("Windows Mail and Calendar: move to Outlook 2016 or later");
    assertThat(ModernClientAdvice.recommendFor(ClientApp.UNIVERSAL_OUTLOOK)).isEqualTo(ModernClientAdvice.recommendFor(ClientApp.OUTLOOK_SERVICE));
    assertThat(ModernClientAdvice.recommendFor(ClientApp.EXCHANGE_ONLINE_POWERSHELL)).startsWith("Scripts:").contains("Connect-ExchangeOnline");
    assertThat(ModernClientAdvice.recommendFor(ClientApp.REPORTING_WEB_SERVICES)).startsWith("Reporting:").contains("Microsoft Graph reports");
    assertThat(ModernClientAdvice.recommendFor(ClientApp.OTHER_CLIENTS)).startsWith("Identify the application (see apps)").contains("Mail for iOS 11.3.1+");
    assertThat(ModernClientAdvice.recommendFor(ClientApp.UNKNOWN)).isEqualTo(ModernClientAdvice.recommendFor(ClientApp.OTHER_CLIENTS));
  }

  @Test
  void kqlLiteral_ofEmptyText_isTwoQuotes() {
    assertThat(LegacyAuthKql.literal("")).isEqualTo("\"\"");
    assertThat(LegacyAuthKql.literal("a")).isEqualTo("\"a\"");
  }
}
