package io.github.m365kit.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * The fields of a Microsoft Graph {@code signIn} that the legacy-authentication audit needs. Values are kept as the
 * log gives them (a sign-in log can name users that no longer exist), so nothing here is validated beyond presence.
 *
 * @param createdDateTime when
 * @param userPrincipalName who, as logged
 * @param userId the user's object id, as logged
 * @param clientAppUsed e.g. {@code IMAP4}, {@code Browser}; see {@link ClientApp}
 * @param errorCode {@code status.errorCode}: 0 is success
 * @param failureReason {@code status.failureReason}, empty on success
 * @param ipAddress the client IP
 * @param appDisplayName the application
 * @param interactive {@code isInteractive}
 */
public record SignInEvent(
    Instant createdDateTime,
    String userPrincipalName,
    String userId,
    String clientAppUsed,
    int errorCode,
    String failureReason,
    String ipAddress,
    String appDisplayName,
    boolean interactive) {

  /** Checks presence. */
  public SignInEvent {
    Objects.requireNonNull(createdDateTime, "createdDateTime == null");
    userPrincipalName = userPrincipalName == null ? "" : userPrincipalName;
    userId = userId == null ? "" : userId;
    clientAppUsed = clientAppUsed == null ? "" : clientAppUsed;
    failureReason = failureReason == null ? "" : failureReason;
    ipAddress = ipAddress == null ? "" : ipAddress;
    appDisplayName = appDisplayName == null ? "" : appDisplayName;
  }

  /** @return true when {@code status.errorCode} is 0 */
  public boolean succeeded() {
    return errorCode == 0;
  }

  /** @return the classification of {@link #clientAppUsed()} */
  public ClientApp clientApp() {
    return ClientApp.of(clientAppUsed);
  }

  /** @return true when the sign-in used a legacy (basic-auth capable) client */
  public boolean isLegacy() {
    return clientApp().legacy();
  }
}
