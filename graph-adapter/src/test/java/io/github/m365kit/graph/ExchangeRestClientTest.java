package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import io.github.m365kit.model.SmtpAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ExchangeRestClientTest extends WireTestSupport {
  static final String INVOKE = "/adminapi/beta/" + TENANT + "/InvokeCommand";

  ExchangeRestClient client() {
    return new ExchangeRestClient(new okhttp3.OkHttpClient(), credential, "https://outlook.office365.com/.default",
        java.net.URI.create(url("")), TENANT, 2, Duration.ofSeconds(30), sleeps::add);
  }

  @Test
  void invoke_postsCmdletEnvelope_withAnchorPreferAndBearer() throws Exception {
    server.enqueue(json("{\"value\":[{\"Name\":\"a\"}]}"));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", "x@contoso.com");
    p.put("AuthenticationPolicy", null);
    p.put("AccessRights", List.of("FullAccess"));
    p.put("AutoMapping", false);

    List<JsonObject> out = client().invoke("Set-User", p, "UPN:x@contoso.com", "user", "x@contoso.com");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo(INVOKE);
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo("UPN:x@contoso.com");
    assertThat(r.getHeader("Prefer")).isEqualTo("odata.maxpagesize=1000");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(r.getBody().readUtf8()).isEqualTo("{\"CmdletInput\":{\"CmdletName\":\"Set-User\",\"Parameters\":"
        + "{\"Identity\":\"x@contoso.com\",\"AuthenticationPolicy\":null,\"AccessRights\":[\"FullAccess\"],\"AutoMapping\":false}}}");
    assertThat(out).hasSize(1);
  }

  @Test
  void invoke_followsNextLink_postingTheSameBody() throws Exception {
    server.enqueue(json("{\"value\":[{\"n\":1}],\"@odata.nextLink\":\"" + url(INVOKE + "?$skiptoken=2") + "\"}"));
    server.enqueue(json("{\"value\":[{\"n\":2}]}"));

    List<JsonObject> out = client().invoke("Get-User", Map.of(), "APP:x", "users", "*");

    String firstBody = take().getBody().readUtf8();
    RecordedRequest second = take();
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(second.getRequestUrl().queryParameter("$skiptoken")).isEqualTo("2");
    assertThat(second.getBody().readUtf8()).isEqualTo(firstBody);
    assertThat(out).extracting(o -> o.get("n").getAsInt()).containsExactly(1, 2);
  }

  @Test
  void throttled_thenSuccess_waitsRetryAfter_andLogsNoToken() throws Exception {
    server.enqueue(json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}").setHeader("Retry-After", "7"));
    server.enqueue(json("{\"value\":[]}"));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      client().invoke("Get-Mailbox", Map.of("Identity", "x@contoso.com"), "UPN:x@contoso.com", "mailbox", "x");
    } finally {
      System.setErr(original);
    }

    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("retrying").doesNotContain(TOKEN).doesNotContain("Bearer");
  }

  @Test
  void throttled_exhausted_throwsThrottledCarryingTheWait() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}").setHeader("Retry-After", "5"));
    }

    Throwable t = catchThrowable(() -> client().invoke("Get-Mailbox", Map.of(), "APP:x", "mailbox", "x"));

    assertThat(t).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) t).retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertNoToken(t);
  }

  @Test
  void throttled_waitBeyondBudget_throwsAtOnce() {
    server.enqueue(json(429, "").setHeader("Retry-After", "120"));

    Throwable t = catchThrowable(() -> client().invoke("Get-Mailbox", Map.of(), "APP:x", "mailbox", "x"));

    assertThat(t).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) t).retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void unavailable_exhausted_isTransientNotThrottled() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, ""));
    }

    Throwable t = catchThrowable(() -> client().invoke("Get-Mailbox", Map.of(), "APP:x", "mailbox", "x"));

    assertThat(t).isInstanceOf(TransientException.class).isNotInstanceOf(ThrottledException.class);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void token_isFetchedOnce_andReusedUntilNearExpiry() {
    server.enqueue(json("{\"value\":[]}"));
    server.enqueue(json("{\"value\":[]}"));
    ExchangeRestClient c = client();

    c.invoke("Get-Mailbox", Map.of(), "APP:x", "mailbox", "x");
    c.invoke("Get-Mailbox", Map.of(), "APP:x", "mailbox", "x");

    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void errorMessage_isReadInDocumentedOrder() {
    String all = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"outer\",\"details\":[{\"message\":\"detail\"}],"
        + "\"innererror\":{\"internalException\":{\"message\":\"internal\"}}}}";
    String noDetails = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"outer\",\"innererror\":{\"internalexception\":{\"message\":\"internal\"}}}}";
    String onlyMessage = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"outer\"}}";

    assertThat(GraphErrors.exchangeMessage(all)).containsExactly("BadRequest", "detail");
    assertThat(GraphErrors.exchangeMessage(noDetails)).containsExactly("BadRequest", "internal");
    assertThat(GraphErrors.exchangeMessage(onlyMessage)).containsExactly("BadRequest", "outer");
    assertThat(GraphErrors.exchangeMessage("<html>gateway</html>")).containsExactly("", "<html>gateway</html>");
  }

  @Test
  void retryAfter_readsSecondsAndHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    assertThat(GraphErrors.retryAfter("30", clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(GraphErrors.retryAfter("Sat, 28 Nov 2026 10:01:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
    assertThat(GraphErrors.retryAfter("Sat, 28 Nov 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(GraphErrors.retryAfter("soon", clock)).isNull();
    assertThat(GraphErrors.retryAfter(null, clock)).isNull();
  }

  @Test
  void backend_exposesTheSameClient_forMailboxes() throws Exception {
    server.enqueue(json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"x\",\"details\":[{\"message\":"
        + "\"Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'nobody@contoso.com' couldn't be found.\"}]}}"));

    assertThat(backend.mailboxes().find(SmtpAddress.of("nobody@contoso.com"))).isEmpty();

    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo(INVOKE);
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo("UPN:nobody@contoso.com");
  }

  @Test
  void timeouts_areRetried_thenTransient() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new okhttp3.mockwebserver.MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));
    }
    ExchangeRestClient c = new ExchangeRestClient(new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMillis(300))
        .retryOnConnectionFailure(false).build(), credential, "https://outlook.office365.com/.default",
        java.net.URI.create(url("")), TENANT, 2, Duration.ofSeconds(30), sleeps::add);

    Throwable t = catchThrowable(() -> c.invoke("Get-Mailbox", Map.of(), "APP:x", "mailbox", "x"));

    assertThat(t).isInstanceOf(TransientException.class).isNotInstanceOf(ThrottledException.class);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertNoToken(t);
  }
}
