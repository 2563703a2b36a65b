package io.github.m365kit.spi;

import io.github.m365kit.auth.SignInEvent;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The port to the Entra sign-in log ({@code GET /auditLogs/signIns}), streamed page by page so that any volume is
 * read in constant memory.
 */
public interface SignInLog {
  /**
   * Visits every sign-in at or after {@code since}, oldest first where the backend allows.
   *
   * @param since the earliest createdDateTime
   * @param legacyOnly when true, only sign-ins whose clientAppUsed is not Browser or Mobile Apps and Desktop clients
   *     (the backend may filter server-side)
   * @param visitor receives each event
   */
  void forEachSignIn(Instant since, boolean legacyOnly, Consumer<SignInEvent> visitor);
}
