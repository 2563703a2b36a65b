package io.github.m365kit.auth;

import static io.github.m365kit.auth.LegacyAuthAuditTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit's exact thresholds (spray rules) and caps (apps, IPs, accounts), each at the value where it flips. */
class LegacyAuthAuditLimitsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final String AT = "2026-02-01T03:00:00Z";

  private static LegacyAuthAudit.Builder audit() {
    return LegacyAuthAudit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static SignInEvent withApp(String upn, String clientApp, String app) {
    return new SignInEvent(Instant.parse(AT), upn, "", clientApp, 0, "", "10.0.0.1", app, false);
  }

  /** {@code accounts} accounts tried from one IP, {@code successes} of the attempts succeeding, {@code failures} failing. */
  private static List<SignInEvent> fromOneIp(String ip, int accounts, int successes, int failures) {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < successes + failures; i++) {
      events.add(event(AT, "u" + (i % accounts) + "@contoso.com", "IMAP4", i < successes ? 0 : 50126, ip));
    }
    return events;
  }

  private static LegacyAuthReport.Usage usage(LegacyAuthReport r, String upn, String protocol) {
    return r.users().stream().filter(u -> u.userPrincipalName().equals(upn) && u.protocol().equals(protocol)).findFirst().orElseThrow();
  }

  @Test
  void apps_keepTheFirstFiveNamesSeen() {
    List<SignInEvent> events = new ArrayList<>();
    for (String app : List.of("App1", "App2", "App1", "App3", "App4", "App5", "App6", "App2")) {
      events.add(withApp("a@contoso.com", "IMAP4", app));
    }
    LegacyAuthReport.Usage u = usage(audit().build().audit(events), "a@contoso.com", "IMAP4");
    assertThat(u.successes()).isEqualTo(8);
    assertThat(u.apps()).containsExactly("App1", "App2", "App3", "App4", "App5");
  }

  @Test
  void unknownClientApps_eachGetTheirOwnRow_underTheirTrimmedName() {
    LegacyAuthReport r = audit().build().audit(List.of(
        event(AT, "a@contoso.com", "Foo", 0, "10.0.0.1"),
        event(AT, "a@contoso.com", "Bar", 50126, "10.0.0.1"),
        event(AT, "a@contoso.com", " Foo ", 50126, "10.0.0.2"),
        event(AT, "a@contoso.com", "IMAP4", 0, "10.0.0.1")));
    assertThat(r.users()).extracting(LegacyAuthReport.Usage::protocol).containsExactly("Bar", "Foo", "IMAP4");
    LegacyAuthReport.Usage foo = usage(r, "a@contoso.com", "Foo");
    assertThat(foo.successes()).isEqualTo(1);
    assertThat(foo.failures()).isEqualTo(1);
    assertThat(foo.distinctIps()).isEqualTo(2);
    assertThat(usage(r, "a@contoso.com", "Bar").failures()).isEqualTo(1);
  }

  @Test
  void spray_onlyFailures_flagsAnIpFromExactlyTheMinimumOfAccounts() {
    List<SignInEvent> events = new ArrayList<>(fromOneIp("198.51.100.5", 5, 0, 5));
    events.addAll(fromOneIp("198.51.100.4", 4, 0, 8));
    LegacyAuthReport r = audit().build().audit(events);
    assertThat(r.suspectedSpray()).singleElement().satisfies(s -> {
      assertThat(s.ipAddress()).isEqualTo("198.51.100.5");
      assertThat(s.reasons()).containsExactly("only failed legacy sign-ins, across 5 accounts");
    });
  }

  @Test
  void spray_withSomeSuccesses_flagsAnIpFailingExactlyTheFailureShare() {
    List<SignInEvent> events = new ArrayList<>(fromOneIp("198.51.100.90", 5, 1, 9));
    events.addAll(fromOneIp("198.51.100.80", 5, 2, 8));
    events.addAll(fromOneIp("198.51.100.4", 4, 1, 9));
    LegacyAuthReport r = audit().build().audit(events);
    assertThat(r.suspectedSpray()).singleElement().satisfies(s -> {
      assertThat(s.ipAddress()).isEqualTo("198.51.100.90");
      assertThat(s.failures()).isEqualTo(9);
      assertThat(s.successes()).isEqualTo(1);
      assertThat(s.reasons()).containsExactly("one IP against 5 accounts with 90% failures; 1 succeeded: check those accounts for compromise");
    });
  }

  @Test
  void spray_failureShareOfOne_needsEveryAttemptToFail() {
    LegacyAuthReport r = audit().spray(5, 1.0).build().audit(fromOneIp("198.51.100.90", 5, 1, 9));
    assertThat(r.suspectedSpray()).isEmpty();
  }

  @Test
  void accountCap_countsAccountsPerIpExactlyUpToTheCap_thenSaysAtLeast() {
    List<SignInEvent> events = new ArrayList<>(fromOneIp("198.51.100.1", 4, 0, 4));
    events.addAll(fromOneIp("198.51.100.2", 4, 1, 9));
    events.addAll(fromOneIp("198.51.100.3", 3, 0, 3));
    LegacyAuthReport r = audit().accountCap(3).spray(3, 0.9).build().audit(events);
    assertThat(r.suspectedSpray()).extracting(LegacyAuthReport.SprayIp::ipAddress).containsExactly("198.51.100.2", "198.51.100.1", "198.51.100.3");
    LegacyAuthReport.SprayIp mixed = r.suspectedSpray().get(0);
    assertThat(mixed.accounts()).isEqualTo(3);
    assertThat(mixed.accountsCapped()).isTrue();
    assertThat(mixed.reasons()).containsExactly("one IP against 3+ accounts with 90% failures; 1 succeeded: check those accounts for compromise");
    LegacyAuthReport.SprayIp failing = r.suspectedSpray().get(1);
    assertThat(failing.accounts()).isEqualTo(3);
    assertThat(failing.accountsCapped()).isTrue();
    assertThat(failing.reasons()).containsExactly("only failed legacy sign-ins, across 3+ accounts");
    LegacyAuthReport.SprayIp exact = r.suspectedSpray().get(2);
    assertThat(exact.accountsCapped()).isFalse();
    assertThat(exact.reasons()).containsExactly("only failed legacy sign-ins, across 3 accounts");
  }

  @Test
  void disabledAccountsTargetedFromOneIp_areNamedUpToTheAccountCap() {
    LegacyAuthReport r = audit().accountCap(2).disabledUsers(Set.of("d1@contoso.com", "d2@contoso.com", "d3@contoso.com")).build().audit(List.of(
        event(AT, "d1@contoso.com", "IMAP4", 50057, "185.220.101.4"),
        event(AT, "d2@contoso.com", "IMAP4", 50057, "185.220.101.4"),
        event(AT, "d3@contoso.com", "IMAP4", 50057, "185.220.101.4")));
    assertThat(r.suspectedSpray()).singleElement().satisfies(s ->
        assertThat(s.reasons()).containsExactly("targeted disabled account(s) d1@contoso.com, d2@contoso.com"));
    assertThat(r.disabledTargeted()).extracting(LegacyAuthReport.DisabledTarget::userPrincipalName)
        .containsExactly("d1@contoso.com", "d2@contoso.com", "d3@contoso.com");
  }

  @Test
  void disabledAccountSigningInSuccessfully_isListedWithItsSuccesses_butItsIpIsNoSpraySuspect() {
    LegacyAuthReport r = audit().disabledUsers(Set.of("Shared.Old@contoso.com")).build().audit(List.of(
        event(AT, "shared.old@contoso.com", "POP3", 0, "10.0.0.7"),
        event(AT, "shared.old@contoso.com", "POP3", 0, "10.0.0.7"),
        event(AT, "shared.old@contoso.com", "IMAP4", 0, "10.0.0.7")));
    assertThat(r.suspectedSpray()).isEmpty();
    assertThat(r.disabledTargeted()).singleElement().satisfies(d -> {
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.successes()).isEqualTo(3);
      assertThat(d.protocols()).containsExactly("IMAP4", "POP3");
    });
  }

  @Test
  void disabledTarget_listsAtMostTheDistinctIpCapOfAddresses_acrossProtocols() {
    LegacyAuthReport r = audit().distinctIpCap(2).disabledUsers(Set.of("d@contoso.com")).build().audit(List.of(
        event(AT, "d@contoso.com", "IMAP4", 50057, "10.0.0.1"),
        event(AT, "d@contoso.com", "IMAP4", 50057, "10.0.0.2"),
        event(AT, "d@contoso.com", "POP3", 50057, "10.0.0.3")));
    assertThat(r.disabledTargeted()).singleElement().satisfies(d -> {
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.ipAddresses()).containsExactly("10.0.0.1", "10.0.0.2");
    });
  }

  @Test
  void maxTrackedIps_ipsBeyondTheLimitAreNotCheckedForSpray_andTheReportSaysSo() {
    List<SignInEvent> events = new ArrayList<>();
    events.add(event(AT, "a@contoso.com", "IMAP4", 0, "10.0.0.1"));
    events.add(event(AT, "b@contoso.com", "IMAP4", 0, "10.0.0.2"));
    events.addAll(fromOneIp("198.51.100.1", 6, 0, 6));
    events.add(event(AT, "a@contoso.com", "IMAP4", 0, "198.51.100.1"));
    LegacyAuthReport r = audit().maxTrackedIps(2).build().audit(events);
    assertThat(r.suspectedSpray()).isEmpty();
    assertThat(r.notes()).contains("More than 2 distinct IPs: IPs beyond that were not tracked for spray detection.");
    assertThat(usage(r, "a@contoso.com", "IMAP4").distinctIps()).as("per-user IP counts still see untracked IPs").isEqualTo(2);
    assertThat(usage(r, "u5@contoso.com", "IMAP4").failures()).isEqualTo(1);
  }

  @Test
  void maxTrackedIps_exactlyAtTheLimit_tracksEveryIp() {
    List<SignInEvent> events = new ArrayList<>(fromOneIp("198.51.100.1", 5, 0, 5));
    events.add(event(AT, "a@contoso.com", "IMAP4", 0, "10.0.0.1"));
    LegacyAuthReport r = audit().maxTrackedIps(2).build().audit(events);
    assertThat(r.suspectedSpray()).extracting(LegacyAuthReport.SprayIp::ipAddress).containsExactly("198.51.100.1");
    assertThat(r.notes()).noneMatch(n -> n.startsWith("More than"));
  }

  @Test
  void distinctIpCapOfOne_isAllowed_andMeansAtLeastOne() {
    LegacyAuthReport r = audit().distinctIpCap(1).build().audit(List.of(
        event(AT, "a@contoso.com", "IMAP4", 0, "10.0.0.1"),
        event(AT, "a@contoso.com", "IMAP4", 0, "10.0.0.2")));
    assertThat(usage(r, "a@contoso.com", "IMAP4").distinctIpsText()).isEqualTo("\u22651");
  }

  @Test
  void builder_rejectsCapsBelowOne_namingTheSetting() {
    assertThatThrownBy(() -> LegacyAuthAudit.builder().distinctIpCap(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("distinctIpCap < 1: 0");
    assertThatThrownBy(() -> LegacyAuthAudit.builder().accountCap(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("accountCap < 1: 0");
    assertThatThrownBy(() -> LegacyAuthAudit.builder().maxTrackedIps(-3)).isInstanceOf(IllegalArgumentException.class).hasMessage("maxTrackedIps < 1: -3");
    assertThatThrownBy(() -> LegacyAuthAudit.builder().spray(0, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessage("minAccounts < 1: 0");
  }

  @Test
  void builder_failureShareMustBeAboveZeroAndAtMostOne() {
    assertThatThrownBy(() -> LegacyAuthAudit.builder().spray(5, 0.0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureShare must be in (0, 1]: 0.0");
    assertThatThrownBy(() -> LegacyAuthAudit.builder().spray(5, 1.01)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureShare must be in (0, 1]: 1.01");
    assertThatThrownBy(() -> LegacyAuthAudit.builder().spray(5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    // the tiniest share there is: one failure among many successes is enough
    LegacyAuthReport r = audit().spray(5, Double.MIN_VALUE).build().audit(fromOneIp("198.51.100.9", 5, 9, 1));
    assertThat(r.suspectedSpray()).extracting(LegacyAuthReport.SprayIp::ipAddress).containsExactly("198.51.100.9");
    assertThat(r.suspectedSpray().get(0).reasons()).containsExactly("one IP against 5 accounts with 10% failures; 9 succeeded: check those accounts for compromise");
  }
}
