package io.github.m365kit.auth;

/**
 * How a plan makes a newly assigned authentication policy apply sooner than the usual 24 hours: by moving the
 * user's Exchange refresh-token cut-off to now ({@code Set-User -STSRefreshTokensValidFrom}, effective within about
 * 30 minutes), by revoking the user's sign-in sessions through Microsoft Graph ({@code POST
 * /users/{id}/revokeSignInSessions}), or not at all.
 */
public enum TokenRefresh {
  /** No refresh: the policy applies within 24 hours. */
  NONE,
  /** {@code Set-User -Identity <u> -STSRefreshTokensValidFrom $([System.DateTime]::UtcNow)}, through the policy store. */
  EXCHANGE_STS,
  /** {@code POST /users/{id}/revokeSignInSessions} (PowerShell: {@code Revoke-MgUserSignInSession}), through the cloud directory. */
  GRAPH_REVOKE_SESSIONS
}
