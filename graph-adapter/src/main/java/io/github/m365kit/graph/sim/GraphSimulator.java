package io.github.m365kit.graph.sim;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.memory.InMemoryTenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * A stateful loopback simulator of the part of Microsoft Graph v1.0 and of the Exchange Online admin REST
 * {@code InvokeCommand} endpoint that {@link GraphBackend} uses, backed by an {@link InMemoryTenant}. It lets the
 * real adapter (Graph SDK, OkHttp, retries, error mapping) run end to end without a tenant: in tests, in demos and in
 * benchmarks.
 *
 * <pre>{@code
 * InMemoryTenant tenant = InMemoryTenant.demo();
 * try (GraphSimulator sim = GraphSimulator.start(tenant).latency(Duration.ofMillis(100)).throttleBudget(50);
 *      GraphBackend cloud = sim.backend()) {
 *   cloud.mailboxes().setType(SmtpAddress.of("jane.doe@contoso.com"), MailboxType.SHARED);
 * }
 * }</pre>
 *
 * <p>It listens on 127.0.0.1 on an ephemeral port and speaks:
 * <ul>
 *   <li>Graph: {@code GET /v1.0/users} ({@code $select}, {@code $top}, {@code $filter} on {@code accountEnabled} or
 *       {@code onPremisesSyncEnabled} with {@code eq}, {@code @odata.nextLink} paging), {@code GET /v1.0/users/{upn or
 *       id}}, {@code PATCH /v1.0/users/{id}} (only {@code accountEnabled}; 400 "on-premises mastered" for synced
 *       users), {@code POST …/assignLicense}, {@code POST …/revokeSignInSessions}, {@code GET /v1.0/subscribedSkus}
 *       and {@code GET /v1.0/auditLogs/signIns} (the {@code createdDateTime ge} / {@code clientAppUsed eq} filter the
 *       adapter sends, newest first, paged), {@code POST /v1.0/groups} (dynamic groups only), {@code GET /v1.0/groups?$filter=mailNickname eq '…'}, {@code GET} and
 *       {@code PATCH /v1.0/groups/{id}} ({@code membershipRule}, {@code membershipRuleProcessingState}) and
 *       {@code GET /v1.0/groups/{id}/members} (also with the {@code graph.user} / {@code microsoft.graph.user} cast,
 *       users only, paged), delegating to the tenant's {@link io.github.m365kit.spi.GroupStore};
 *       {@code GET /v1.0/users/{id}/mailboxSettings} ({@code userPurpose} from the mailbox type; 404
 *       {@code MailboxNotEnabledForRESTAPI} without a mailbox), {@code GET
 *       /v1.0/reports/getMailboxUsageDetail(period='D7|D30|D90|D180')} (302 to a one-time CSV built from the tenant's
 *       mailbox sizes, served without a bearer token like a pre-signed URL); and
 *       {@code POST /v1.0/$batch} (at most 20 requests with unique ids, each served by the routes above, answered in
 *       reverse order; the throttle budget is charged per inner request, so inner requests get 429 on their own while
 *       the batch itself answers 200);</li>
 *   <li>Graph Conditional Access: {@code GET/POST /v1.0/identity/conditionalAccess/policies} and {@code GET/PATCH
 *       …/policies/{id}} ({@code state}, {@code conditions.users}), delegating to the tenant's
 *       {@link io.github.m365kit.spi.ConditionalAccessStore} (see {@code ConditionalAccessRoutes});</li>
 *   <li>Graph item insights: {@code GET/PATCH /v1.0/admin/people/itemInsights} and {@code GET/PATCH
 *       /v1.0/users/{upn or id}/settings/itemInsights}, and the Exchange cmdlets {@code Get-/Set-MyAnalyticsFeatureConfig}
 *       and {@code Get-/Set-DefaultTenantMyAnalyticsFeatureConfig}, delegating to {@link InMemoryTenant#insights()}
 *       (see {@code InsightsRoutes}; the cmdlets' behaviour through InvokeCommand is UNCONFIRMED);</li>
 *   <li>Exchange: {@code POST /adminapi/beta/{tenant name}/InvokeCommand} for {@code Get-Mailbox},
 *       {@code Get-MailboxStatistics}, {@code Set-Mailbox -Type}, {@code Disable-UMMailbox},
 *       {@code Get-/Add-/Remove-MailboxPermission}, {@code New-/Get-/Set-/Remove-AuthenticationPolicy},
 *       {@code Get-User}, {@code Set-User -AuthenticationPolicy / -STSRefreshTokensValidFrom} and
 *       {@code Get-/Set-OrganizationConfig}, paged with {@code @odata.nextLink} after {@code Prefer:
 *       odata.maxpagesize}.</li>
 * </ul>
 * Every request needs {@code Authorization: Bearer }{@value #TOKEN} (else 401). The tenant's typed exceptions become
 * the services' error responses (Graph {@code {"error":{"code","message"}}}; Exchange task errors in
 * {@code error.details[].message} as {@code "Ex…|<exception type>|<message>"}) so that the adapter maps them back
 * to the same exception types: not found → 404 (Graph) / {@code ManagementObjectNotFoundException} (Exchange),
 * service rules → 400 with the tenant's message, conflicts → 409 or {@code ManagementObjectAlreadyExistsException},
 * {@link ThrottledException} → 429 with {@code Retry-After}, other transient errors → 503, access denied → 403, any
 * other error → 400. Faults injected with {@link InMemoryTenant#faults()} therefore travel over HTTP too.
 *
 * <p>Options can be changed while running: {@link #latency(Duration)} delays every response,
 * {@link #throttleBudget(int)} puts a token bucket (one second of burst) shared by both services in front of every
 * request; a request over budget gets 429 with {@code Retry-After} in whole seconds and does not reach the tenant.
 * Requests are served by a pool of {@value #THREADS} threads. Thread-safe; {@link #close()} stops the server.
 */
public final class GraphSimulator implements AutoCloseable {
  /** The only bearer token the simulator accepts; {@link #credential()} hands it out. */
  public static final String TOKEN = "m365kit-simulator-token";
  /** Worker threads serving requests (latency is spent on them). */
  public static final int THREADS = 48;

  static final ObjectMapper JSON = new ObjectMapper();

  private final InMemoryTenant tenant;
  private final HttpServer server;
  private final ExecutorService workers;
  private final String root;
  private final GraphRoutes graph;
  private final ExchangeCmdlets exchange;
  private final BatchRoute batch;
  private final ReportRoutes reports;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private volatile Duration latency = Duration.ZERO;
  private volatile TokenBucket bucket;
  private volatile int maxPageSize = 999;

  private GraphSimulator(InMemoryTenant tenant) throws IOException {
    this.tenant = Objects.requireNonNull(tenant, "tenant == null");
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 128);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "graph-simulator-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.root = "http://127.0.0.1:" + server.getAddress().getPort();
    this.graph = new GraphRoutes(tenant, this);
    this.exchange = new ExchangeCmdlets(tenant, this);
    this.batch = new BatchRoute(graph);
    this.reports = new ReportRoutes(tenant, this);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /**
   * Starts a simulator of a tenant with no latency and no throttling.
   *
   * @param tenant the state behind the simulated services
   * @return the running simulator
   * @throws UncheckedIOException when the server cannot listen
   */
  public static GraphSimulator start(InMemoryTenant tenant) {
    try {
      return new GraphSimulator(tenant);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Graph simulator", e);
    }
  }

  /**
   * @param latency added before every response (also before 401 and 429 answers), zero for none
   * @return this
   */
  public GraphSimulator latency(Duration latency) {
    Objects.requireNonNull(latency, "latency == null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency is negative: " + latency);
    }
    this.latency = latency;
    return this;
  }

  /**
   * Puts a token bucket in front of both services: {@code requestsPerSecond} tokens a second, at most
   * {@code requestsPerSecond} saved up. A request finding the bucket empty is answered 429 with {@code Retry-After}
   * (whole seconds, at least 1) and is not counted against the bucket.
   *
   * @param requestsPerSecond the budget, or 0 for no throttling
   * @return this
   */
  public GraphSimulator throttleBudget(int requestsPerSecond) {
    if (requestsPerSecond < 0) {
      throw new IllegalArgumentException("requestsPerSecond < 0: " + requestsPerSecond);
    }
    this.bucket = requestsPerSecond == 0 ? null : new TokenBucket(requestsPerSecond);
    return this;
  }

  /**
   * Caps the page size below what the client asks for ({@code $top}, {@code Prefer: odata.maxpagesize}), to exercise
   * paging with few objects. The services' own maxima (999 users, 1,000 sign-ins, 1,000 Exchange objects) still apply.
   *
   * @param maxPageSize at least 1
   * @return this
   */
  public GraphSimulator maxPageSize(int maxPageSize) {
    if (maxPageSize < 1) {
      throw new IllegalArgumentException("maxPageSize < 1: " + maxPageSize);
    }
    this.maxPageSize = maxPageSize;
    return this;
  }

  /**
   * Simulates the Conditional Access throttle: at most one request a second to {@code /identity/conditionalAccess/…};
   * one sooner is answered 429 <em>without</em> {@code Retry-After}, as the service does. Off by default.
   *
   * @param on true to switch it on
   * @return this
   */
  public GraphSimulator conditionalAccessRateLimit(boolean on) {
    graph.conditionalAccessRateLimit(on);
    return this;
  }

  /** @return the Graph root without version, for {@link GraphBackend.Builder#graphBaseUrl(URI)} */
  public URI graphBaseUrl() {
    return URI.create(root);
  }

  /** @return the Exchange root, for {@link GraphBackend.Builder#exchangeBaseUrl(URI)} */
  public URI exchangeBaseUrl() {
    return URI.create(root);
  }

  /** @return the tenant id to give {@link GraphBackend}: the tenant's name, used in the Exchange path */
  public String tenantId() {
    return tenant.name();
  }

  /** @return the tenant behind the simulator */
  public InMemoryTenant tenant() {
    return tenant;
  }

  /** @return HTTP requests received so far, including those answered 401 or 429 */
  public long requestCount() {
    return requests.get();
  }

  /** @return requests answered 429 by the throttle budget (not counting faults injected into the tenant) */
  public long throttledCount() {
    return throttled.get();
  }

  /** @return a credential that always returns {@link #TOKEN}, valid for an hour */
  public static TokenCredential credential() {
    return ctx -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
  }

  /**
   * @return a builder of a backend pointed at this simulator with {@link #credential()}, 10 retries and at most 60 s of
   *     waiting per Exchange request; change what you need and build
   */
  public GraphBackend.Builder backendBuilder() {
    return GraphBackend.builder(credential(), tenantId())
        .graphBaseUrl(graphBaseUrl())
        .exchangeBaseUrl(exchangeBaseUrl())
        .maxRetries(10)
        .maxRetryWait(Duration.ofSeconds(60))
        .timeout(Duration.ofSeconds(30));
  }

  /** @return a backend pointed at this simulator ({@link #backendBuilder()} as is); close it after use */
  public GraphBackend backend() {
    return backendBuilder().build();
  }

  /** Stops the server and its threads. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  ReportRoutes reports() {
    return reports;
  }

  int maxPageSize() {
    return maxPageSize;
  }

  String root() {
    return root;
  }

  // ---------------------------------------------------------------- request handling

  /** One parsed request. */
  record Call(String method, String path, Map<String, String> query, JsonNode body, HttpExchange exchange) {
    String header(String name) {
      return exchange == null ? null : exchange.getRequestHeaders().getFirst(name);
    }
  }

  /** One answer. */
  record Reply(int status, JsonNode body, Map<String, String> headers) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body, Map.of());
    }

    static Reply noContent() {
      return new Reply(204, null, Map.of());
    }
  }

  private void handle(HttpExchange ex) {
    requests.incrementAndGet();
    boolean isExchange = ex.getRequestURI().getRawPath().startsWith("/adminapi/");
    Reply reply;
    try {
      Duration d = latency;
      if (!d.isZero()) {
        Thread.sleep(d.toMillis());
      }
      reply = dispatch(ex, isExchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply = error(isExchange, new TransientException("the simulator is shutting down", null));
    } catch (M365KitException e) {
      reply = error(isExchange, e);
    } catch (RuntimeException | IOException e) {
      reply = error(isExchange, new io.github.m365kit.BackendException("simulator", "internal",
          "the simulator failed: " + e, e));
    }
    try {
      send(ex, reply);
    } catch (IOException e) {
      // the client went away; nothing to tell it
    } finally {
      ex.close();
    }
  }

  private Reply dispatch(HttpExchange ex, boolean isExchange) throws IOException {
    if (ex.getRequestURI().getRawPath().startsWith(ReportRoutes.DOWNLOAD)) {
      drain(ex);
      return reports.download(ex.getRequestURI().getRawPath()); // a pre-signed URL: no bearer token needed
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + TOKEN)) {
      ObjectNode body = errorBody(isExchange ? "InvalidToken" : "InvalidAuthenticationToken",
          auth == null || !auth.startsWith("Bearer ") ? "Access token is empty." : "Access token validation failure. Invalid audience.");
      drain(ex);
      return new Reply(401, body, Map.of("WWW-Authenticate", "Bearer"));
    }
    if (!isExchange && ex.getRequestMethod().equalsIgnoreCase("POST") && ex.getRequestURI().getRawPath().equals("/v1.0/$batch")) {
      return batch.handle(readBody(ex), this); // the budget is charged per inner request
    }
    TokenBucket b = bucket;
    if (b != null) {
      long waitNanos = b.tryAcquire(System.nanoTime());
      if (waitNanos > 0) {
        throttled.incrementAndGet();
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        drain(ex);
        return new Reply(429, errorBody(isExchange ? "TooManyRequests" : "TooManyRequests",
            "Too many requests: the simulator's budget of " + b.perSecond + " requests per second is used up."),
            Map.of("Retry-After", String.valueOf(seconds)));
      }
    }
    String path = decode(ex.getRequestURI().getRawPath());
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    JsonNode body = readBody(ex);
    Call call = new Call(ex.getRequestMethod().toUpperCase(Locale.ROOT), path, query, body, ex);
    if (isExchange) {
      return exchange.handle(call);
    }
    if (path.startsWith("/v1.0/")) {
      return graph.handle(call);
    }
    return new Reply(404, errorBody("NotFound", "The simulator serves /v1.0/… and /adminapi/…, not " + path), Map.of());
  }

  private static void drain(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      in.readAllBytes();
    }
  }

  private static JsonNode readBody(HttpExchange ex) throws IOException {
    byte[] bytes;
    try (InputStream in = ex.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException("request body", new String(bytes, 0, Math.min(bytes.length, 100), StandardCharsets.UTF_8),
          "it is not JSON");
    }
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
    if (reply.body() == null) {
      ex.sendResponseHeaders(reply.status(), -1);
      return;
    }
    if (reply.body().isTextual() && reply.headers().containsKey("Content-Type")) {
      byte[] text = reply.body().textValue().getBytes(StandardCharsets.UTF_8); // a file such as a report CSV
      ex.sendResponseHeaders(reply.status(), text.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(text);
      }
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(reply.body());
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Charges one inner request of a {@code $batch} to the throttle budget.
   *
   * @return 0 when it may run, else the whole seconds (at least 1) to put in its {@code Retry-After}
   */
  long chargeInner() {
    TokenBucket b = bucket;
    if (b == null) {
      return 0;
    }
    long waitNanos = b.tryAcquire(System.nanoTime());
    if (waitNanos <= 0) {
      return 0;
    }
    throttled.incrementAndGet();
    return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = decode(eq < 0 ? part : part.substring(0, eq));
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }

  static ObjectNode errorBody(String code, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return root;
  }

  /** The Exchange task-error shape the adapter reads: the message in {@code error.details[0]}. */
  static ObjectNode exchangeTaskError(String type, String message) {
    ObjectNode root = errorBody("BadRequest", "An error occurred when processing the request.");
    ObjectNode detail = ((ObjectNode) root.get("error")).putArray("details").addObject();
    detail.put("code", "Context");
    detail.put("target", "");
    detail.put("message", "Ex" + Integer.toHexString(type.hashCode() & 0xffffff).toUpperCase(Locale.ROOT) + "|" + type + "|" + message);
    return root;
  }

  /**
   * Turns a tenant exception into the service's error response.
   *
   * @param isExchange which service answers
   * @param e the exception
   * @return the reply
   */
  static Reply error(boolean isExchange, M365KitException e) {
    String message = String.valueOf(e.getMessage());
    Map<String, String> headers = new LinkedHashMap<>();
    if (e instanceof TransientException t) {
      t.retryAfter().ifPresent(d -> headers.put("Retry-After", String.valueOf(Math.max(1, (d.toMillis() + 999) / 1000))));
      if (e instanceof ThrottledException) {
        headers.putIfAbsent("Retry-After", "1");
        return new Reply(429, errorBody("TooManyRequests", message), headers);
      }
      return new Reply(503, errorBody("ServiceUnavailable", message), headers);
    }
    if (e instanceof AccessDeniedException) {
      return new Reply(403, errorBody(isExchange ? "Forbidden" : "Authorization_RequestDenied", message), headers);
    }
    if (isExchange) {
      if (e instanceof NotFoundException) {
        return new Reply(400, exchangeTaskError("Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException", message), headers);
      }
      if (e instanceof ConflictException) {
        return message.toLowerCase(Locale.ROOT).contains("already exists")
            ? new Reply(400, exchangeTaskError("Microsoft.Exchange.Configuration.Tasks.ManagementObjectAlreadyExistsException", message), headers)
            : new Reply(409, exchangeTaskError("Microsoft.Exchange.Management.Tasks.ObjectInUseException", message), headers);
      }
      if (e instanceof ServiceRuleException s) {
        String type = switch (s.rule()) {
          case UM_LICENSE_VALIDATION -> "Microsoft.Exchange.UM.UMCommon.UMRecipientValidationException";
          case UM_ALREADY_DISABLED -> "Microsoft.Exchange.Management.Tasks.UM.UserAlreadyUmDisabledException";
          default -> "Microsoft.Exchange.Management.Tasks.RecipientTaskException";
        };
        return new Reply(400, exchangeTaskError(type, message), headers);
      }
      String type = e instanceof InvalidInputException ? "System.Management.Automation.ParameterBindingException"
          : "Microsoft.Exchange.Configuration.Tasks.TaskException";
      return new Reply(400, exchangeTaskError(type, message), headers);
    }
    if (e instanceof NotFoundException) {
      return new Reply(404, errorBody("Request_ResourceNotFound", message), headers);
    }
    if (e instanceof ConflictException) {
      return new Reply(409, errorBody("Request_Conflict", message), headers);
    }
    if (e instanceof ServiceRuleException) {
      return new Reply(400, errorBody("Request_BadRequest", message), headers);
    }
    return new Reply(400, errorBody(e instanceof InvalidInputException ? "Request_BadRequest" : "Request_UnsupportedQuery", message), headers);
  }

  /** A token bucket: {@code perSecond} tokens a second, holding at most {@code perSecond}. */
  private static final class TokenBucket {
    private final int perSecond;
    private double tokens;
    private long last;

    TokenBucket(int perSecond) {
      this.perSecond = perSecond;
      this.tokens = perSecond;
      this.last = System.nanoTime();
    }

    /** @return 0 when a token was taken, else the nanoseconds until one will be there */
    synchronized long tryAcquire(long now) {
      tokens = Math.min(perSecond, tokens + (now - last) * perSecond / 1e9);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) ((1 - tokens) * 1e9 / perSecond));
    }
  }
}
