package io.github.m365kit.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates UnboundID {@link LDAPException}s into the m365kit hierarchy, once, for the whole adapter.
 *
 * <p>The server's diagnostic message is kept in the translated message (AD's {@code 0000208D:}-style diagnostics help);
 * it never holds a password. Bind failures with AD's {@code data NNN} sub-code get a message saying what is wrong
 * with the account.
 */
final class LdapErrors {
  /** The backend name in {@link BackendException#backend()}. */
  static final String BACKEND = "ldap";

  private static final Pattern AD_DATA = Pattern.compile("\\bdata ([0-9a-fA-F]{3,4})\\b");

  /** AD's sub-codes of invalidCredentials (49), from AcceptSecurityContext. */
  private static final Map<String, String> AD_BIND_REASONS = Map.of(
      "525", "the user does not exist",
      "52e", "the password is wrong",
      "530", "the account may not log on at this time",
      "531", "the account may not log on from this workstation",
      "532", "the password has expired",
      "533", "the account is disabled",
      "701", "the account has expired",
      "773", "the password must be reset",
      "775", "the account is locked out");

  private LdapErrors() {}

  /**
   * Translates an LDAP failure.
   *
   * @param e the SDK's exception
   * @param operation what was attempted, e.g. "modify"
   * @param kind what the operation targeted, e.g. "AD user"
   * @param id the target's name, e.g. its DN
   * @return the m365kit exception to throw; its cause is {@code e}
   */
  static M365KitException translate(LDAPException e, String operation, String kind, String id) {
    ResultCode rc = e.getResultCode();
    String detail = describe(e);
    String what = operation + " of " + kind + " '" + id + "' failed: " + detail;
    int code = rc.intValue();
    if (code == ResultCode.NO_SUCH_OBJECT_INT_VALUE) {
      NotFoundException nf = new NotFoundException(kind, id, kind + " '" + id + "' was not found (" + detail + ")");
      nf.initCause(e);
      return nf;
    }
    if (code == ResultCode.ENTRY_ALREADY_EXISTS_INT_VALUE) {
      ConflictException c = new ConflictException(what);
      c.initCause(e);
      return c;
    }
    if (code == ResultCode.INVALID_CREDENTIALS_INT_VALUE) {
      return new AccessDeniedException("LDAP bind refused: " + bindReason(diagnostic(e)) + " (" + detail + ")", e);
    }
    if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS_INT_VALUE
        || code == ResultCode.INAPPROPRIATE_AUTHENTICATION_INT_VALUE
        || code == ResultCode.STRONG_AUTH_REQUIRED_INT_VALUE
        || code == ResultCode.CONFIDENTIALITY_REQUIRED_INT_VALUE
        || code == ResultCode.AUTHORIZATION_DENIED_INT_VALUE) {
      return new AccessDeniedException(what, e);
    }
    if (code == ResultCode.BUSY_INT_VALUE) {
      return new ThrottledException(what, null, e);
    }
    if ((code == ResultCode.CONNECT_ERROR_INT_VALUE || code == ResultCode.SERVER_DOWN_INT_VALUE || code == ResultCode.LOCAL_ERROR_INT_VALUE)
        && isTlsFailure(e)) {
      return new BackendException(BACKEND, "tls", operation + " of " + kind + " '" + id + "' failed: the server's certificate or host name "
          + "did not check out; retrying will not help (" + detail + ")", e);
    }
    if (code == ResultCode.UNAVAILABLE_INT_VALUE
        || code == ResultCode.SERVER_DOWN_INT_VALUE
        || code == ResultCode.CONNECT_ERROR_INT_VALUE
        || code == ResultCode.TIMEOUT_INT_VALUE
        || code == ResultCode.TIME_LIMIT_EXCEEDED_INT_VALUE) {
      return new TransientException(what, null, e);
    }
    return new BackendException(BACKEND, codeName(rc), what, e);
  }

  /**
   * @param rc a result code
   * @return e.g. {@code "65 (object class violation)"}
   */
  static String codeName(ResultCode rc) {
    return rc.intValue() + " (" + rc.getName() + ")";
  }

  /**
   * Tells a TLS failure (untrusted certificate, host name not in the certificate, handshake refused) from a network
   * failure: both arrive as connectError, but only the network one is worth retrying.
   */
  static boolean isTlsFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("SSLHandshakeException") || m.contains("Hostname verification failed") || m.contains("PKIX path")
          || m.contains("SSLPeerUnverifiedException") || m.contains("CertificateException"))) {
        return true;
      }
    }
    return false;
  }

  /** @return the server's diagnostic message, or the SDK's message when the server sent none */
  private static String diagnostic(LDAPException e) {
    String diag = e.getDiagnosticMessage();
    return diag == null || diag.isBlank() ? e.getMessage() : diag;
  }

  private static String describe(LDAPException e) {
    String diag = diagnostic(e);
    String base = "LDAP " + codeName(e.getResultCode());
    return diag == null || diag.isBlank() ? base : base + ": " + diag.strip();
  }

  /**
   * @param diagnostic the server's diagnostic message, may be null
   * @return what AD's {@code data NNN} sub-code says, or a generic reason
   */
  static String bindReason(String diagnostic) {
    if (diagnostic != null) {
      Matcher m = AD_DATA.matcher(diagnostic);
      if (m.find()) {
        String sub = m.group(1).toLowerCase(Locale.ROOT);
        String reason = AD_BIND_REASONS.get(sub);
        return (reason == null ? "AD refused the credentials" : reason) + " (AD data " + sub + ")";
      }
    }
    return "the bind DN or password is wrong";
  }
}
