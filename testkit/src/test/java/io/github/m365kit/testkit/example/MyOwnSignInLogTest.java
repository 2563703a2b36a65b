package io.github.m365kit.testkit.example;

import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.spi.SignInLog;
import io.github.m365kit.testkit.SignInLogContract;
import io.github.m365kit.testkit.TenantFixture;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A user's own backend, in the user's own package, held to m365kit's contract: a sign-in log over a plain list. The
 * contract's tests and its {@code @BeforeEach} run from another package.
 */
class MyOwnSignInLogTest extends SignInLogContract {

  /** The user's adapter under test. */
  static final class ListSignInLog implements SignInLog {
    private final List<SignInEvent> events;

    ListSignInLog(List<SignInEvent> events) {
      this.events = List.copyOf(events);
    }

    @Override
    public void forEachSignIn(Instant since, boolean legacyOnly, Consumer<SignInEvent> visitor) {
      events.stream().filter(e -> !e.createdDateTime().isBefore(since) && (!legacyOnly || e.isLegacy())).forEach(visitor);
    }
  }

  @Override
  protected SignInLog newLog(TenantFixture fixture) {
    return new ListSignInLog(fixture.signIns());
  }
}
