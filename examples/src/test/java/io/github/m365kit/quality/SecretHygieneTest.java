package io.github.m365kit.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.sun.net.httpserver.HttpServer;
import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.graph.GraphCredentials;
import io.github.m365kit.ldap.EmbeddedDirectory;
import io.github.m365kit.ldap.LdapBackend;
import io.github.m365kit.ldap.LdapConnectionConfig;
import io.github.m365kit.ldap.LdapConnectionConfig.TlsMode;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs operations with known fake secrets (an LDAP bind password, a Graph client secret, a bearer token) with every
 * m365kit logger at TRACE, and checks that no secret shows in a log line, a configuration's toString() or an
 * exception message (with its causes).
 */
class SecretHygieneTest {
  private static final String BIND_PASSWORD = "LdapBindPw-7f3a91c2";
  private static final String CLIENT_SECRET = "GraphClientSecret-0b5d44e8";
  private static final String BEARER = "BearerToken-c2e9a017";
  private static final List<String> SECRETS = List.of(BIND_PASSWORD, CLIENT_SECRET, BEARER);

  static {
    // slf4j-simple reads a logger's level when the logger is created: set TRACE before any adapter class loads
    System.setProperty("org.slf4j.simpleLogger.log.io.github.m365kit", "trace");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
  }

  private final List<String> seen = new ArrayList<>();

  private void collect(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      seen.add(t.getClass().getName() + ": " + t.getMessage());
      seen.add(String.valueOf(t));
      for (Throwable s : t.getSuppressed()) {
        collect(s);
      }
    }
  }

  private void attempt(Runnable r) {
    try {
      r.run();
      seen.add("(no error)");
    } catch (RuntimeException e) {
      collect(e);
    }
  }

  @Test
  void secrets_neverShowInLogsToStringsOrErrors() throws Exception {
    assertThat(LoggerFactory.getLogger("io.github.m365kit.ldap.LdapBackend").isTraceEnabled()).as("TRACE must be on for this test to mean anything")
        .isTrue();
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    AtomicInteger graphRequests = new AtomicInteger();
    List<String> authHeaders = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try (EmbeddedDirectory ldap = EmbeddedDirectory.startWithDemoData()) {
      // LDAP: a plaintext loopback bind with the secret password, refused by the server
      LdapConnectionConfig config = LdapConnectionConfig.builder().host("127.0.0.1").port(ldap.port()).tlsMode(TlsMode.PLAIN).allowPlaintext(true)
          .bindDn("CN=svc-m365kit,OU=Service,DC=contoso,DC=com").bindPassword(BIND_PASSWORD.toCharArray()).build();
      seen.add(config.toString());
      seen.add(String.valueOf(config.bindPassword().orElseThrow()));
      attempt(() -> LdapBackend.connect(config, "DC=contoso,DC=com").findByUpn(Upn.of("jane.doe@contoso.com")));
      // and a LDAPS config whose handshake fails against the plaintext port
      LdapConnectionConfig tls = LdapConnectionConfig.builder().host("127.0.0.1").port(ldap.port()).tlsMode(TlsMode.LDAPS)
          .bindDn("CN=svc-m365kit,OU=Service,DC=contoso,DC=com").bindPassword(BIND_PASSWORD.toCharArray()).build();
      seen.add(tls.toString());
      attempt(() -> LdapBackend.connect(tls, "DC=contoso,DC=com"));

      // Graph client secret: the credential object and its description
      TokenCredential clientSecret = GraphCredentials.clientSecret("contoso.onmicrosoft.com", "11111111-2222-3333-4444-555555555555", CLIENT_SECRET);
      seen.add(clientSecret.toString());

      // a bearer token from a fake credential against a loopback server answering 401, 403 and 500
      int[] statuses = {401, 403, 500};
      http.createContext("/", ex -> {
        authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        int status = statuses[Math.min(graphRequests.getAndIncrement() / 4, 2)];
        byte[] body = ("{\"error\":{\"code\":\"Denied\",\"message\":\"status " + status + "\"}}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
      });
      http.start();
      TokenCredential fake = new TokenCredential() {
        @Override
        public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext request) {
          return Mono.just(new AccessToken(BEARER, OffsetDateTime.now().plusHours(1)));
        }
      };
      URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
      try (GraphBackend graph = GraphBackend.create(fake, "contoso.onmicrosoft.com", base.resolve("v1.0"), base.resolve("adminapi/beta"))) {
        seen.add(graph.toString());
        for (int i = 0; i < 3; i++) {
          attempt(() -> graph.cloudDirectory().findUser(Upn.of("jane.doe@contoso.com")));
          attempt(() -> graph.mailboxes().find(SmtpAddress.of("jane.doe@contoso.com")));
        }
      }
    } finally {
      http.stop(0);
      System.setErr(realErr);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    realErr.println("secret hygiene: " + logs.lines().count() + " log lines, " + seen.size() + " strings and messages, " + graphRequests.get()
        + " HTTP requests");
    assertThat(graphRequests.get()).as("the Graph calls reached the loopback server").isPositive();
    assertThat(authHeaders).as("the bearer token was really sent").anyMatch(h -> h.contains(BEARER));
    assertThat(logs).as("TRACE logging produced output").isNotBlank();
    for (String secret : SECRETS) {
      assertThat(logs).as("log output").doesNotContain(secret);
      assertThat(seen).as("toString() and exception messages").noneMatch(s -> s != null && s.contains(secret));
    }
  }
}
