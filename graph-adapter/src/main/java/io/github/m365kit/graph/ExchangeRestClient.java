package io.github.m365kit.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the Exchange Online admin REST endpoint
 * {@code POST https://outlook.office365.com/adminapi/beta/{tenantId}/InvokeCommand}, the endpoint the
 * ExchangeOnlineManagement v3 module uses in REST mode.
 *
 * <p><b>This endpoint is not officially documented or supported by Microsoft and may change without notice.</b>
 * Public sources show {@code Set-Mailbox -Type}, {@code Set-OrganizationConfig}, {@code Set-User} (other parameters)
 * and {@code Get-AuthenticationPolicy} working through it. <b>UNCONFIRMED</b> through it: {@code New-/Set-/Remove-
 * AuthenticationPolicy}, {@code Set-User -AuthenticationPolicy}, {@code Set-User -STSRefreshTokensValidFrom},
 * {@code Set-OrganizationConfig -DefaultAuthenticationPolicy}, {@code Disable-UMMailbox} and the mailbox-permission
 * cmdlets; test them against a tenant before relying on them.
 *
 * <p>Each call sends {@code {"CmdletInput":{"CmdletName":…,"Parameters":{…}}}} with a bearer token for
 * {@code https://outlook.office365.com/.default} (fetched per request from the {@link TokenCredential}, cached until
 * shortly before it expires), an {@code X-AnchorMailbox} header and {@code Prefer: odata.maxpagesize=1000}, and
 * follows {@code @odata.nextLink} by POSTing the same body to it. 429, 503 and 504 answers and network failures are
 * retried, waiting the {@code Retry-After} the service gives (else an exponential backoff), within a bounded number
 * of retries and total wait; after that a {@link ThrottledException} (429) or {@link TransientException} carries the
 * last wait asked for. Error messages are read in the order {@code error.details[].message},
 * {@code error.innererror.internalException.message}, {@code error.message}. The token and the Authorization header
 * are never logged nor put in exception messages. Thread-safe.
 */
final class ExchangeRestClient {
  private static final Logger log = LoggerFactory.getLogger(ExchangeRestClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** The system mailbox CIPP anchors tenant-wide calls on (api-facts §2.1). */
  static final String SYSTEM_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

  /** Pauses between retries; replaceable in tests. */
  interface Sleeper {
    /**
     * @param d how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration d) throws InterruptedException;
  }

  private final OkHttpClient http;
  private final TokenCredential credential;
  private final String scope;
  private final String invokeUrl;
  private final String tenantId;
  private final int maxRetries;
  private final Duration maxTotalWait;
  private final Sleeper sleeper;
  private final Clock clock;
  private AccessToken cached;

  /**
   * @param http the HTTP client (no auth interceptor: the header is added here)
   * @param credential the token source
   * @param scope the token scope, e.g. {@code https://outlook.office365.com/.default}
   * @param exchangeBase the Exchange root, e.g. {@code https://outlook.office365.com}
   * @param tenantId the tenant GUID or initial domain
   * @param maxRetries retries after the first attempt
   * @param maxTotalWait the most this client waits across the retries of one request
   * @param sleeper how to wait
   */
  ExchangeRestClient(OkHttpClient http, TokenCredential credential, String scope, URI exchangeBase, String tenantId,
      int maxRetries, Duration maxTotalWait, Sleeper sleeper) {
    this.http = Objects.requireNonNull(http, "http == null");
    this.credential = Objects.requireNonNull(credential, "credential == null");
    this.scope = Objects.requireNonNull(scope, "scope == null");
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId == null");
    String base = exchangeBase.toString().replaceAll("/+$", "");
    this.invokeUrl = base + "/adminapi/beta/" + tenantId + "/InvokeCommand";
    this.maxRetries = maxRetries;
    this.maxTotalWait = Objects.requireNonNull(maxTotalWait, "maxTotalWait == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.clock = Clock.systemUTC();
  }

  /** @return the anchor for tenant-wide cmdlets: {@code APP:SystemMailbox{…}@tenantId} */
  String systemAnchor() {
    return "APP:" + SYSTEM_MAILBOX + "@" + tenantId;
  }

  /**
   * @param upnOrAddress the user or mailbox the cmdlet is about
   * @return the anchor {@code UPN:…}
   */
  static String userAnchor(String upnOrAddress) {
    return "UPN:" + upnOrAddress;
  }

  /**
   * Runs a cmdlet and collects every returned object.
   *
   * @param cmdlet e.g. {@code Get-Mailbox}
   * @param parameters by name: String, Boolean, Number, Collection of those, or null for {@code $null}
   * @param anchor the X-AnchorMailbox value
   * @param kind what the cmdlet addresses, for NotFoundException
   * @param id how it is addressed
   * @return the objects of {@code value} over all pages
   */
  List<JsonObject> invoke(String cmdlet, Map<String, ?> parameters, String anchor, String kind, String id) {
    List<JsonObject> all = new ArrayList<>();
    invoke(cmdlet, parameters, anchor, kind, id, all::add);
    return all;
  }

  /**
   * Runs a cmdlet, handing each returned object to a visitor page by page.
   *
   * @param cmdlet e.g. {@code Get-User}
   * @param parameters by name
   * @param anchor the X-AnchorMailbox value
   * @param kind what the cmdlet addresses
   * @param id how it is addressed
   * @param visitor receives each object
   */
  void invoke(String cmdlet, Map<String, ?> parameters, String anchor, String kind, String id, Consumer<JsonObject> visitor) {
    String body = body(cmdlet, parameters).toString();
    String url = invokeUrl;
    String op = "InvokeCommand " + cmdlet;
    int page = 0;
    while (url != null) {
      JsonObject response = post(url, body, anchor, op, kind, id);
      page++;
      JsonElement value = GraphErrors.member(response, "value");
      if (value instanceof JsonArray arr) {
        for (JsonElement e : arr) {
          if (e.isJsonObject()) {
            visitor.accept(e.getAsJsonObject());
          }
        }
      }
      JsonElement warnings = GraphErrors.member(response, "@adminapi.warnings");
      if (warnings != null && !warnings.isJsonNull()) {
        log.debug("Exchange returned warnings [cmdlet={}, warnings={}]", cmdlet, warnings);
      }
      JsonElement next = GraphErrors.member(response, "@odata.nextLink");
      url = next == null || next.isJsonNull() ? null : next.getAsString();
    }
    log.debug("Ran cmdlet [cmdlet={}, id={}, pages={}]", cmdlet, id, page);
  }

  static JsonObject body(String cmdlet, Map<String, ?> parameters) {
    JsonObject params = new JsonObject();
    for (Map.Entry<String, ?> p : new LinkedHashMap<>(parameters).entrySet()) {
      params.add(p.getKey(), toJson(p.getValue()));
    }
    JsonObject input = new JsonObject();
    input.addProperty("CmdletName", cmdlet);
    input.add("Parameters", params);
    JsonObject root = new JsonObject();
    root.add("CmdletInput", input);
    return root;
  }

  private static JsonElement toJson(Object v) {
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (v instanceof Collection<?> c) {
      JsonArray a = new JsonArray();
      c.forEach(x -> a.add(toJson(x)));
      return a;
    }
    if (v instanceof JsonElement j) {
      return j;
    }
    return new JsonPrimitive(v.toString());
  }

  private JsonObject post(String url, String body, String anchor, String op, String kind, String id) {
    Duration waited = Duration.ZERO;
    for (int attempt = 0; ; attempt++) {
      Request request = new Request.Builder()
          .url(url)
          .post(RequestBody.create(body, JSON))
          .header("Authorization", "Bearer " + token())
          .header("X-AnchorMailbox", anchor)
          .header("Prefer", "odata.maxpagesize=1000")
          .header("Accept", "application/json")
          .build();
      int status;
      String text;
      Duration retryAfter;
      try (Response response = http.newCall(request).execute()) {
        status = response.code();
        ResponseBody rb = response.body();
        text = rb == null ? "" : rb.string();
        retryAfter = GraphErrors.retryAfter(response.header("Retry-After"), clock);
      } catch (IOException e) {
        Duration wait = backoff(attempt);
        if (attempt < maxRetries && waited.plus(wait).compareTo(maxTotalWait) <= 0) {
          log.warn("Exchange call failed, retrying [cmdlet={}, attempt={}, wait={}, error={}]", op, attempt + 1, wait, e.toString());
          sleep(wait, op);
          waited = waited.plus(wait);
          continue;
        }
        throw new TransientException(op + " failed after " + (attempt + 1) + " attempt(s): " + e, null, e);
      }
      if (status >= 200 && status < 300) {
        if (text.isBlank()) {
          return new JsonObject();
        }
        try {
          JsonElement parsed = JsonParser.parseString(text);
          return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
          throw new BackendException("exchange", String.valueOf(status), op + " returned a body that is not JSON", e);
        }
      }
      if (status == 429 || status == 503 || status == 504) {
        Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
        if (attempt < maxRetries && waited.plus(wait).compareTo(maxTotalWait) <= 0) {
          log.warn("Exchange throttled or unavailable, retrying [cmdlet={}, status={}, attempt={}, wait={}]", op, status, attempt + 1, wait);
          sleep(wait, op);
          waited = waited.plus(wait);
          continue;
        }
        M365KitException m = GraphErrors.exchange(status, text, wait, op, kind, id);
        if (m instanceof TransientException) {
          throw m;
        }
        throw status == 429 ? new ThrottledException(m.getMessage(), wait) : new TransientException(m.getMessage(), wait);
      }
      throw GraphErrors.exchange(status, text, retryAfter, op, kind, id);
    }
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(32, 1L << Math.min(attempt, 5)));
  }

  private void sleep(Duration d, String op) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(op + " was interrupted while waiting to retry", d);
    }
  }

  private synchronized String token() {
    Instant now = clock.instant();
    if (cached == null || cached.getExpiresAt() == null || cached.getExpiresAt().toInstant().isBefore(now.plusSeconds(120))) {
      AccessToken t;
      try {
        t = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
      } catch (RuntimeException e) {
        // azure-identity messages name the tenant and client, never the secret.
        throw new AccessDeniedException("Could not get a token for " + scope + ": " + e.getMessage(), e);
      }
      if (t == null || t.getToken() == null) {
        throw new AccessDeniedException("The credential returned no token for " + scope);
      }
      cached = t;
    }
    return cached.getToken();
  }
}
