package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Mono;

/** Starts a MockWebServer on 127.0.0.1 and a {@link GraphBackend} pointed at it, with a fake credential. */
abstract class WireTestSupport {
  static final String TOKEN = "test-token";
  static final String TENANT = "5d2f3c1a-0b4e-4f5a-9b6c-7d8e9f0a1b2c";

  MockWebServer server;
  GraphBackend backend;
  final AtomicInteger tokenRequests = new AtomicInteger();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final TokenCredential credential = ctx -> {
    tokenRequests.incrementAndGet();
    return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
  };

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    URI root = URI.create("http://127.0.0.1:" + server.getPort());
    backend = GraphBackend.builder(credential, TENANT)
        .graphBaseUrl(root)
        .exchangeBaseUrl(root)
        .maxRetries(2)
        .maxRetryWait(Duration.ofSeconds(30))
        .timeout(Duration.ofSeconds(10))
        .sleeper(sleeps::add)
        .build();
  }

  @AfterEach
  void stopServer() throws IOException {
    backend.close();
    server.shutdown();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse json(String body) {
    return json(200, body);
  }

  static String graphError(String code, String message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    return r;
  }

  static JsonObject body(RecordedRequest r) {
    return JsonParser.parseString(r.getBody().readUtf8()).getAsJsonObject();
  }

  /** An absolute URL on the server, by IP: the token is only sent to the allowed host 127.0.0.1. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  /** Asserts that the token appears nowhere in an exception chain's messages. */
  static void assertNoToken(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      assertThat(String.valueOf(x.getMessage())).doesNotContain(TOKEN);
      assertThat(x.toString()).doesNotContain(TOKEN);
    }
  }
}
