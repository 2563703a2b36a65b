package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.spi.SignInLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SignInLog} must have: the {@code since} bound is inclusive, {@code legacyOnly} drops the
 * modern clients, fields arrive as logged, users no longer in the tenant are still reported. Extend it and return a
 * fresh log holding the {@link TenantFixture#signIns()} from {@link #newLog(TenantFixture)}.
 *
 * <p>Optional behaviour: {@link Capability#ORDERED_SIGN_INS} (oldest first).
 */
public abstract class SignInLogContract extends PortContract {
  /** The log under test, fresh for each test. */
  protected SignInLog log;

  /** Creates the contract. */
  protected SignInLogContract() {}

  /**
   * Creates a fresh backend holding exactly the fixture's sign-ins. Called before each test.
   *
   * @param fixture the state to create
   * @return the log to test
   */
  protected abstract SignInLog newLog(TenantFixture fixture);

  /** Creates the log for the next test. */
  @BeforeEach
  final void createLog() {
    log = newLog(TenantFixture.standard());
  }

  private List<SignInEvent> read(Instant since, boolean legacyOnly) {
    List<SignInEvent> out = new ArrayList<>();
    log.forEachSignIn(since, legacyOnly, out::add);
    return out;
  }

  @Test
  void forEachSignIn_fromTheStart_visitsEveryEventOnce() {
    assertThat(read(Instant.parse("2026-11-01T00:00:00Z"), false)).containsExactlyInAnyOrderElementsOf(TenantFixture.standard().signIns());
  }

  @Test
  void forEachSignIn_sinceIsInclusive() {
    List<SignInEvent> events = read(Instant.parse("2026-11-22T08:00:00Z"), false);
    assertThat(events).extracting(SignInEvent::createdDateTime).containsExactlyInAnyOrder(
        Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-24T08:00:00Z"));
  }

  @Test
  void forEachSignIn_afterTheLastEvent_visitsNothing() {
    assertThat(read(Instant.parse("2026-11-24T08:00:01Z"), false)).isEmpty();
  }

  @Test
  void forEachSignIn_legacyOnly_dropsBrowserAndModernClients() {
    assertThat(read(Instant.parse("2026-11-01T00:00:00Z"), true)).extracting(SignInEvent::clientAppUsed)
        .containsExactlyInAnyOrder("IMAP4", "Authenticated SMTP", "POP3");
  }

  @Test
  void forEachSignIn_legacyOnlyWithSince_appliesBoth() {
    assertThat(read(Instant.parse("2026-11-22T00:00:00Z"), true)).extracting(SignInEvent::clientAppUsed)
        .containsExactlyInAnyOrder("Authenticated SMTP", "POP3");
  }

  @Test
  void forEachSignIn_reportsFieldsAsLogged() {
    SignInEvent failed = read(Instant.parse("2026-11-22T08:00:00Z"), true).stream()
        .filter(e -> e.userPrincipalName().equals(TenantFixture.HOSTILE.value())).findFirst().orElseThrow();
    assertThat(failed.errorCode()).isEqualTo(50126);
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.failureReason()).startsWith("Invalid username or password");
    assertThat(failed.clientAppUsed()).isEqualTo("Authenticated SMTP");
    assertThat(failed.ipAddress()).isEqualTo("203.0.113.7");
  }

  @Test
  void forEachSignIn_reportsUsersNoLongerInTheTenant() {
    assertThat(read(Instant.parse("2026-11-01T00:00:00Z"), true)).extracting(SignInEvent::userPrincipalName)
        .contains(TenantFixture.DELETED_SIGN_IN_USER);
  }

  @Test
  void forEachSignIn_visitsOldestFirst() {
    assumeCapable(Capability.ORDERED_SIGN_INS);
    assertThat(read(Instant.parse("2026-11-01T00:00:00Z"), false)).extracting(SignInEvent::createdDateTime).isSorted();
  }
}
