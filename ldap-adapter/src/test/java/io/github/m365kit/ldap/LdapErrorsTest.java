package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LdapErrorsTest {
  private static final String DN = "CN=Jane Doe,OU=Staff,DC=contoso,DC=com";

  private static M365KitException translate(ResultCode rc, String diagnostic) {
    LDAPException e = new LDAPException(rc, diagnostic);
    M365KitException out = LdapErrors.translate(e, "modify", "AD user", DN);
    assertThat(out.getCause()).isSameAs(e);
    return out;
  }

  @Test
  void noSuchObject_isNotFoundNamingTheDn() {
    M365KitException e = translate(ResultCode.NO_SUCH_OBJECT, "0000208D: NameErr: DSID-03100241, problem 2001 (NO_OBJECT)");
    assertThat(e).isInstanceOf(NotFoundException.class).hasMessageContaining(DN).hasMessageContaining("2001");
    assertThat(((NotFoundException) e).id()).isEqualTo(DN);
    assertThat(((NotFoundException) e).kind()).isEqualTo("AD user");
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void entryAlreadyExists_isConflict() {
    assertThat(translate(ResultCode.ENTRY_ALREADY_EXISTS, null)).isInstanceOf(ConflictException.class).hasMessageContaining("68");
  }

  @Test
  void insufficientAccess_isAccessDenied() {
    assertThat(translate(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "00002098: SecErr")).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining(DN).hasMessageContaining("50");
  }

  @Test
  void strongAuthRequired_isAccessDenied() {
    assertThat(translate(ResultCode.STRONG_AUTH_REQUIRED, "BindSimple: Transport encryption required.")).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void busy_isThrottledAndTransient() {
    M365KitException e = translate(ResultCode.BUSY, null);
    assertThat(e).isInstanceOf(ThrottledException.class);
    assertThat(e.isTransient()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {52, 81, 91, 85, 3})
  void unavailableOrConnectionOrTimeout_isTransient(int code) {
    M365KitException e = translate(ResultCode.valueOf(code), "x");
    assertThat(e).isInstanceOf(TransientException.class).isNotInstanceOf(ThrottledException.class);
    assertThat(e.isTransient()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 17, 21, 19, 53, 80, 4})
  void schemaAndOtherFailures_areBackendExceptionsNamingTheCode(int code) {
    ResultCode rc = ResultCode.valueOf(code);
    M365KitException e = translate(rc, "0000200B: AtrErr: DSID-0315");
    assertThat(e).isExactlyInstanceOf(BackendException.class).hasMessageContaining("0000200B");
    assertThat(((BackendException) e).code()).isEqualTo(code + " (" + rc.getName() + ")");
    assertThat(((BackendException) e).backend()).isEqualTo("ldap");
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void invalidCredentials_withAdData52e_saysPasswordIsWrong() {
    M365KitException e = translate(ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563");
    assertThat(e).isInstanceOf(AccessDeniedException.class).hasMessageContaining("password is wrong").hasMessageContaining("data 52e");
  }

  @Test
  void invalidCredentials_withAdData533_saysAccountDisabled() {
    assertThat(translate(ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 533, v4563"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("account is disabled");
  }

  @Test
  void invalidCredentials_withAdData775_saysLockedOut() {
    assertThat(translate(ResultCode.INVALID_CREDENTIALS, "AcceptSecurityContext error, data 775, v2580"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("locked out");
  }

  @Test
  void invalidCredentials_withUnknownAdData_keepsTheCode() {
    assertThat(translate(ResultCode.INVALID_CREDENTIALS, "AcceptSecurityContext error, data 9ab, v2580"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("data 9ab");
  }

  @Test
  void invalidCredentials_withoutAdData_isAccessDenied() {
    assertThat(translate(ResultCode.INVALID_CREDENTIALS, null)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("bind DN or password");
  }

  @Test
  void everyResultCode_translatesWithTheCodeInTheMessage() {
    for (ResultCode rc : ResultCode.values()) {
      if (rc != ResultCode.SUCCESS) {
        LDAPException e = new LDAPException(rc);
        assertThat(LdapErrors.translate(e, "op", "kind", "id")).as(rc.toString())
            .hasMessageContaining("LDAP " + rc.intValue() + " (").hasCause(e);
      }
    }
  }

  @Test
  void connectError_causedByTls_isNotTransient() {
    LDAPException e = new LDAPException(ResultCode.CONNECT_ERROR, "connect failed", new java.io.IOException(new javax.net.ssl.SSLHandshakeException("PKIX")));
    M365KitException out = LdapErrors.translate(e, "connect", "LDAP server", "dc1:636");
    assertThat(out).isExactlyInstanceOf(BackendException.class);
    assertThat(((BackendException) out).code()).isEqualTo("tls");
    assertThat(out.isTransient()).isFalse();
  }

  @Test
  void connectError_withoutTls_isTransient() {
    LDAPException e = new LDAPException(ResultCode.CONNECT_ERROR, "Connection refused", new java.net.ConnectException("Connection refused"));
    assertThat(LdapErrors.translate(e, "connect", "LDAP server", "dc1:636").isTransient()).isTrue();
  }
}
