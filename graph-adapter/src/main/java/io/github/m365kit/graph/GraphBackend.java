package io.github.m365kit.graph;

import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.GroupStore;
import io.github.m365kit.spi.InsightsStore;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.SignInLog;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The entry point of the cloud backend: one object per tenant giving the ports m365kit needs.
 *
 * <pre>{@code
 * TokenCredential credential = GraphCredentials.clientSecret(tenantId, clientId, secret);
 * GraphBackend cloud = GraphBackend.create(credential, tenantId);
 * cloud.cloudDirectory().findUser(Upn.of("jane.doe@contoso.com"));
 * cloud.mailboxes().setType(SmtpAddress.of("sales@contoso.com"), MailboxType.SHARED);
 * }</pre>
 *
 * <p>{@link #cloudDirectory()}, {@link #signInLog()}, {@link #groups()} and {@link #conditionalAccess()} use Microsoft
 * Graph v1.0 (token scope
 * {@code https://graph.microsoft.com/.default}); {@link #mailboxes()} and {@link #authPolicies()} use the unofficial
 * Exchange admin REST endpoint (scope {@code https://outlook.office365.com/.default}). Both retry throttling within a
 * bounded budget ({@link Builder#maxRetries(int)}, {@link Builder#maxRetryWait(Duration)}) and then throw
 * {@link io.github.m365kit.ThrottledException} carrying the wait the service asked for. Thread-safe;
 * {@link #close()} releases the HTTP connection pools.
 */
public final class GraphBackend implements AutoCloseable {
  private final GraphServiceClient graph;
  private final OkHttpClient graphHttp;
  private final OkHttpClient exchangeHttp;
  private final CloudDirectory cloudDirectory;
  private final SignInLog signInLog;
  private final MailboxStore mailboxes;
  private final AuthPolicyStore authPolicies;
  private final GroupStore groups;
  private final GraphBulk bulk;
  private final GraphReports reports;
  private final io.github.m365kit.spi.ConditionalAccessStore conditionalAccess;
  private final InsightsStore insights;

  private GraphBackend(Builder b) {
    GraphCloud cloud = b.cloud;
    URI graphBase = b.graphBaseUrl != null ? b.graphBaseUrl : cloud.graphHost();
    URI exchangeBase = b.exchangeBaseUrl != null ? b.exchangeBaseUrl : cloud.exchangeHost();
    AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(
        b.credential, new String[] {graphBase.getHost()}, cloud.graphScope());
    RetryHandlerOption retry = new RetryHandlerOption(RetryHandlerOption.DEFAULT_SHOULD_RETRY, b.maxRetries,
        RetryHandlerOption.DEFAULT_DELAY);
    this.graphHttp = GraphClientFactory.create(new RequestOption[] {retry})
        .connectTimeout(b.timeout).readTimeout(b.timeout).writeTimeout(b.timeout).build();
    this.graph = new GraphServiceClient(auth, graphHttp);
    graph.getRequestAdapter().setBaseUrl(graphBase.toString().replaceAll("/+$", "") + "/v1.0");
    this.exchangeHttp = new OkHttpClient.Builder()
        .connectTimeout(b.timeout).readTimeout(b.timeout).writeTimeout(b.timeout).build();
    ExchangeRestClient exo = new ExchangeRestClient(exchangeHttp, b.credential, cloud.exchangeScope(), exchangeBase,
        b.tenantId, b.maxRetries, b.maxRetryWait, b.sleeper);
    GraphCloudDirectory directory = new GraphCloudDirectory(graph, new LicenseCatalog(graph));
    this.cloudDirectory = directory;
    this.signInLog = new GraphSignInLog(graph);
    this.mailboxes = new ExchangeMailboxStore(exo);
    this.authPolicies = new ExchangeAuthPolicyStore(exo);
    this.groups = new GraphGroupStore(graph);
    ExchangeRestClient.Sleeper sleeper = b.sleeper;
    io.github.m365kit.plan.Sleeper batchSleeper = d -> {
      try {
        sleeper.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new io.github.m365kit.M365KitException("interrupted while waiting to retry a batch", e);
      }
    };
    GraphBatch batch = new GraphBatch(graph, new io.github.m365kit.plan.RetryPolicy(b.maxRetries + 1,
        Duration.ofSeconds(3), Duration.ofSeconds(180)), batchSleeper, java.time.Clock.systemUTC(), b.maxRetryWait);
    this.bulk = new GraphBulk(graph, batch, directory);
    this.reports = new GraphReports(graph);
    this.conditionalAccess = new GraphConditionalAccessStore(graph, b.maxRetries, b.maxRetryWait, b.sleeper);
    this.insights = new GraphInsightsStore(graph, exo);
  }

  /**
   * Connects to the worldwide cloud.
   *
   * @param credential an azure-identity credential of an app with the permissions listed in the module README
   * @param tenantId the tenant GUID (or its initial {@code .onmicrosoft.com} domain)
   * @return the backend
   */
  public static GraphBackend create(TokenCredential credential, String tenantId) {
    return builder(credential, tenantId).build();
  }

  /**
   * Connects to a national cloud.
   *
   * @param credential the credential (built for the same cloud's authority, see {@link GraphCredentials})
   * @param tenantId the tenant GUID
   * @param cloud the cloud
   * @return the backend
   */
  public static GraphBackend create(TokenCredential credential, String tenantId, GraphCloud cloud) {
    return builder(credential, tenantId).cloud(cloud).build();
  }

  /**
   * Connects to explicit base URLs (a test server, a DoD host), with the token scopes of the global cloud.
   *
   * @param credential the credential
   * @param tenantId the tenant GUID
   * @param graphBaseUrl the Graph root without version, e.g. {@code http://127.0.0.1:8080}
   * @param exchangeBaseUrl the Exchange root, e.g. {@code http://127.0.0.1:8080}
   * @return the backend
   */
  public static GraphBackend create(TokenCredential credential, String tenantId, URI graphBaseUrl, URI exchangeBaseUrl) {
    return builder(credential, tenantId).graphBaseUrl(graphBaseUrl).exchangeBaseUrl(exchangeBaseUrl).build();
  }

  /**
   * Starts a builder for the less common settings.
   *
   * @param credential the credential
   * @param tenantId the tenant GUID
   * @return a builder with the defaults: global cloud, 3 retries, at most 60 s of waiting per request, 60 s timeouts
   */
  public static Builder builder(TokenCredential credential, String tenantId) {
    return new Builder(credential, tenantId);
  }

  /** @return Entra ID users, licenses, sign-in blocking and session revocation (Graph) */
  public CloudDirectory cloudDirectory() {
    return cloudDirectory;
  }

  /** @return the Entra sign-in log (Graph {@code auditLogs/signIns}) */
  public SignInLog signInLog() {
    return signInLog;
  }

  /** @return Exchange Online mailboxes (Exchange admin REST, unofficial) */
  public MailboxStore mailboxes() {
    return mailboxes;
  }

  /** @return Exchange Online authentication policies (Exchange admin REST, unofficial; writes unconfirmed) */
  public AuthPolicyStore authPolicies() {
    return authPolicies;
  }

  /**
   * @return Entra ID dynamic groups (Graph {@code /groups}); Microsoft 365 groups created app-only get no owners and
   *     so become "anonymous" groups that cannot be modified later (see the module README)
   */
  public GroupStore groups() {
    return groups;
  }

  /**
   * @return bulk user operations over Graph {@code $batch} (20 requests a round trip), with per-user outcomes;
   *     requests throttled inside a batch are retried alone, {@link Builder#maxRetries(int)} times
   */
  public GraphBulk bulk() {
    return bulk;
  }

  /** @return Microsoft 365 usage reports (Graph {@code /reports}), e.g. mailbox sizes for a shared-mailbox preflight */
  public GraphReports reports() {
    return reports;
  }

  /**
   * @return Graph item insights ({@code /admin/people/itemInsights}, {@code /users/{id}/settings/itemInsights}) and
   *     MyAnalytics / Viva Insights settings through Exchange {@code InvokeCommand} (the MyAnalytics cmdlets are
   *     UNCONFIRMED through that endpoint; see the module README)
   */
  public InsightsStore insights() {
    return insights;
  }

  /**
   * @return Entra ID Conditional Access policies (Graph {@code /identity/conditionalAccess/policies}); throttled by the
   *     service at about one request per second per tenant without {@code Retry-After}, which this port backs off from
   *     itself (1 s, 2 s, 4 s … within {@link Builder#maxRetries(int)} and {@link Builder#maxRetryWait(Duration)})
   */
  public io.github.m365kit.spi.ConditionalAccessStore conditionalAccess() {
    return conditionalAccess;
  }

  /** Releases the HTTP connection pools and dispatcher threads. */
  @Override
  public void close() {
    for (OkHttpClient c : new OkHttpClient[] {graphHttp, exchangeHttp}) {
      c.dispatcher().executorService().shutdown();
      c.connectionPool().evictAll();
    }
  }

  /** Settings of a {@link GraphBackend}. Not thread-safe; one per caller. */
  public static final class Builder {
    private final TokenCredential credential;
    private final String tenantId;
    private GraphCloud cloud = GraphCloud.GLOBAL;
    private URI graphBaseUrl;
    private URI exchangeBaseUrl;
    private int maxRetries = 3;
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private Duration timeout = Duration.ofSeconds(60);
    private ExchangeRestClient.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

    private Builder(TokenCredential credential, String tenantId) {
      this.credential = Objects.requireNonNull(credential, "credential == null");
      this.tenantId = Objects.requireNonNull(tenantId, "tenantId == null");
      if (tenantId.isBlank()) {
        throw new IllegalArgumentException("tenantId is blank");
      }
    }

    /**
     * @param cloud the cloud whose hosts and token scopes to use
     * @return this
     */
    public Builder cloud(GraphCloud cloud) {
      this.cloud = Objects.requireNonNull(cloud, "cloud == null");
      return this;
    }

    /**
     * @param url the Graph root without {@code /v1.0}; overrides the cloud's host (scopes stay the cloud's)
     * @return this
     */
    public Builder graphBaseUrl(URI url) {
      this.graphBaseUrl = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /**
     * @param url the Exchange root; overrides the cloud's host (scopes stay the cloud's)
     * @return this
     */
    public Builder exchangeBaseUrl(URI url) {
      this.exchangeBaseUrl = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /**
     * @param maxRetries retries after the first attempt on 429/503/504, 0 to 10
     * @return this
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > RetryHandlerOption.MAX_RETRIES) {
        throw new IllegalArgumentException("maxRetries must be 0.." + RetryHandlerOption.MAX_RETRIES + ": " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param maxRetryWait the most to wait across the retries of one Exchange request, and across the retry rounds
     *     of one Graph {@code $batch} of {@link GraphBackend#bulk() bulk} work; other Graph retries follow the SDK's RetryHandler
     *     ({@code Retry-After}, else a 3 s exponential backoff, each wait at most 180 s)
     * @return this
     */
    public Builder maxRetryWait(Duration maxRetryWait) {
      Objects.requireNonNull(maxRetryWait, "maxRetryWait == null");
      if (maxRetryWait.isNegative()) {
        throw new IllegalArgumentException("maxRetryWait is negative: " + maxRetryWait);
      }
      this.maxRetryWait = maxRetryWait;
      return this;
    }

    /**
     * @param timeout connect, read and write timeout of each HTTP call
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    Builder sleeper(ExchangeRestClient.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** @return the backend */
    public GraphBackend build() {
      return new GraphBackend(this);
    }
  }
}
