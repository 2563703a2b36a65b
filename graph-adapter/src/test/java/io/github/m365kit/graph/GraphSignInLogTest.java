package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.auth.SignInEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class GraphSignInLogTest extends WireTestSupport {
  static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

  static String signIn(String id, String when, String client, int errorCode) {
    return "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + when + "\",\"userPrincipalName\":\"jane.doe@contoso.com\","
        + "\"userId\":\"11111111-2222-3333-4444-555555555555\",\"appDisplayName\":\"Office 365 Exchange Online\","
        + "\"ipAddress\":\"203.0.113.7\",\"clientAppUsed\":\"" + client + "\",\"isInteractive\":true,"
        + "\"status\":{\"errorCode\":" + errorCode + ",\"failureReason\":\"" + (errorCode == 0 ? "" : "Invalid username or password.") + "\"}}";
  }

  @Test
  void forEachSignIn_filtersOnCreatedDateTime_andPages() throws Exception {
    server.enqueue(json("{\"value\":[" + signIn("a", "2026-11-03T10:00:00Z", "IMAP4", 0) + "],\"@odata.nextLink\":\""
        + url("/v1.0/auditLogs/signIns?$skiptoken=x") + "\"}"));
    server.enqueue(json("{\"value\":[" + signIn("b", "2026-11-02T10:00:00Z", "Browser", 50126) + "]}"));

    List<SignInEvent> seen = new ArrayList<>();
    backend.signInLog().forEachSignIn(SINCE, false, seen::add);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v1.0/auditLogs/signIns");
    assertThat(r.getRequestUrl().queryParameter("$filter")).isEqualTo("createdDateTime ge 2026-11-01T00:00:00Z");
    assertThat(r.getRequestUrl().queryParameter("$top")).isEqualTo("1000");
    assertThat(take().getRequestUrl().queryParameter("$skiptoken")).isEqualTo("x");
    assertThat(seen).extracting(SignInEvent::clientAppUsed).containsExactly("IMAP4", "Browser");
    SignInEvent failed = seen.get(1);
    assertThat(failed.errorCode()).isEqualTo(50126);
    assertThat(failed.failureReason()).isEqualTo("Invalid username or password.");
    assertThat(failed.ipAddress()).isEqualTo("203.0.113.7");
    assertThat(failed.interactive()).isTrue();
    assertThat(failed.createdDateTime()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
  }

  @Test
  void forEachSignIn_legacyOnly_addsClientAppClause_andDropsModernClients() throws Exception {
    server.enqueue(json("{\"value\":[" + signIn("a", "2026-11-03T10:00:00Z", "POP3", 0) + ","
        + signIn("b", "2026-11-03T09:00:00Z", "Browser", 0) + "]}"));

    List<SignInEvent> seen = new ArrayList<>();
    backend.signInLog().forEachSignIn(SINCE, true, seen::add);

    String filter = take().getRequestUrl().queryParameter("$filter");
    assertThat(filter).startsWith("createdDateTime ge 2026-11-01T00:00:00Z and (")
        .contains("clientAppUsed eq 'IMAP4'", "clientAppUsed eq 'Authenticated SMTP'", "clientAppUsed eq 'Other clients'")
        .doesNotContain("'Browser'");
    assertThat(seen).extracting(SignInEvent::clientAppUsed).containsExactly("POP3");
  }

  @Test
  void forEachSignIn_withoutPremium_throwsAccessDenied() {
    server.enqueue(json(403, graphError("Authentication_RequestFromNonPremiumTenantOrB2CTenant",
        "Neither tenant is B2C or tenant doesn't have premium license")));

    Throwable t = catchThrowable(() -> backend.signInLog().forEachSignIn(SINCE, false, e -> { }));

    assertThat(t).isInstanceOf(AccessDeniedException.class).hasMessageContaining("premium license");
    assertNoToken(t);
  }
}
