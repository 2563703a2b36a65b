package io.github.m365kit.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.google.gson.JsonArray;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.github.m365kit.BackendException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.plan.RetryPolicy;
import io.github.m365kit.plan.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends many Graph requests as JSON batches ({@code POST /v1.0/$batch}, at most {@value #MAX_PER_BATCH} a batch)
 * through the client's Kiota request adapter, so the calls use its own OkHttp stack, authentication and middleware.
 * Each inner request is built by the SDK's request builders ({@code to…RequestInformation}) and its URL expanded by
 * the SDK's URI template, so it is encoded exactly as a single call's would be; only the outer POST is
 * authenticated (one token look-up per batch, not per item).
 *
 * <p>The SDK's own {@code BatchRequestContent} (microsoft-graph-core 3.6.6) is not used: it fails with a
 * NullPointerException on a POST without a body (such as {@code revokeSignInSessions}), whose native request carries
 * an empty body without a content type. The batch body is therefore written here, with ids "1".."n" (unique within
 * the batch), a {@code Content-Type} header on every request that has a body, and no other headers.
 *
 * <p>The outer response is 200 even when inner requests fail, so the SDK's RetryHandler (which looks only at the
 * outer status) does not retry an inner 429, 503 or 504. This class does: it resends only the failed items, in a new
 * batch, after the largest {@code Retry-After} among them, or after the {@link RetryPolicy} backoff when none of them
 * carried one, waiting through a {@link Sleeper}; the policy's {@code maxAttempts} bounds the rounds, and a total
 * wait bounds the sleeping per batch. When the policy's attempts are spent, those items end as
 * {@link io.github.m365kit.ThrottledException} (429) or {@link io.github.m365kit.TransientException} (503/504)
 * carrying the wait. Every other inner error is translated for its item alone by {@link GraphErrors}. Responses are
 * matched by id, never by position: the service may answer in any order. Thread-safe if the client is.
 */
final class GraphBatch {
  private static final Logger log = LoggerFactory.getLogger(GraphBatch.class);

  /** The service's limit of requests in one batch (api-facts §1.5). */
  static final int MAX_PER_BATCH = 20;

  /**
   * One request of a bulk operation.
   *
   * @param <T> what a successful response becomes
   * @param request the request, built with the SDK's {@code to…RequestInformation}
   * @param operation for messages, e.g. "POST /users/jane@contoso.com/revokeSignInSessions"
   * @param kind what is addressed, for NotFoundException
   * @param id how it is addressed
   * @param onSuccess turns the status and body of a 2xx response into the value
   */
  record Step<T>(RequestInformation request, String operation, String kind, String id, SuccessParser<T> onSuccess) {
    Step {
      Objects.requireNonNull(request, "request == null");
      Objects.requireNonNull(onSuccess, "onSuccess == null");
    }
  }

  /** Reads a successful inner response. */
  @FunctionalInterface
  interface SuccessParser<T> {
    T parse(int status, byte[] body);
  }

  /** How the SDK reads an outer error response (a 4xx/5xx on the {@code $batch} request itself). */
  private static final Map<String, ParsableFactory<? extends Parsable>> ERRORS =
      Map.of("XXX", ODataError::createFromDiscriminatorValue);

  private final GraphServiceClient graph;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration maxTotalWait;

  /**
   * @param maxTotalWait the most to sleep across the retry rounds of one batch of 20; when the next wait would pass
   *     it, the throttled items end at once as {@link io.github.m365kit.ThrottledException} carrying that wait
   */
  GraphBatch(GraphServiceClient graph, RetryPolicy policy, Sleeper sleeper, Clock clock, Duration maxTotalWait) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.maxTotalWait = Objects.requireNonNull(maxTotalWait, "maxTotalWait == null");
  }

  /**
   * Runs the steps, {@value #MAX_PER_BATCH} to a batch, in order of the list.
   *
   * @param steps the requests
   * @return one outcome per step, in the order of {@code steps}
   */
  <T> List<BulkOutcome<T>> run(List<Step<T>> steps) {
    List<BulkOutcome<T>> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      out.add(null);
    }
    for (int from = 0; from < steps.size(); from += MAX_PER_BATCH) {
      Map<Integer, Step<T>> pending = new LinkedHashMap<>();
      for (int i = from; i < Math.min(steps.size(), from + MAX_PER_BATCH); i++) {
        pending.put(i, steps.get(i));
      }
      runChunk(pending, out);
    }
    return out;
  }

  private <T> void runChunk(Map<Integer, Step<T>> pending, List<BulkOutcome<T>> out) {
    Map<Integer, JsonObject> prepared = new LinkedHashMap<>();
    for (Map.Entry<Integer, Step<T>> e : pending.entrySet()) {
      prepared.put(e.getKey(), inner(e.getValue().request()));
    }
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      JsonArray requests = new JsonArray();
      Map<String, Integer> indexById = new LinkedHashMap<>();
      int n = 0;
      for (Integer index : pending.keySet()) {
        String id = String.valueOf(++n);
        JsonObject request = new JsonObject();
        request.addProperty("id", id);
        prepared.get(index).entrySet().forEach(m -> request.add(m.getKey(), m.getValue()));
        requests.add(request);
        indexById.put(id, index);
      }
      JsonObject batch = new JsonObject();
      batch.add("requests", requests);
      Map<String, Inner> responses;
      try {
        responses = send(batch);
      } catch (RuntimeException e) {
        M365KitException mapped = GraphErrors.graph(e, "POST /$batch (" + pending.size() + " requests)", "batch", "$batch");
        pending.keySet().forEach(i -> out.set(i, BulkOutcome.failure(mapped)));
        return;
      }
      Map<Integer, Step<T>> retry = new LinkedHashMap<>();
      Map<Integer, Inner> retryInner = new LinkedHashMap<>();
      Duration largestRetryAfter = null;
      for (Map.Entry<String, Integer> e : indexById.entrySet()) {
        int index = e.getValue();
        Step<T> step = pending.get(index);
        Inner inner = responses.get(e.getKey());
        if (inner == null) {
          out.set(index, BulkOutcome.failure(new BackendException("graph", "batch",
              step.operation() + " got no response in the batch", null)));
        } else if (inner.status >= 200 && inner.status < 300) {
          try {
            out.set(index, BulkOutcome.success(step.onSuccess().parse(inner.status, inner.body)));
          } catch (M365KitException ex) {
            out.set(index, BulkOutcome.failure(ex));
          } catch (RuntimeException ex) {
            out.set(index, BulkOutcome.failure(GraphErrors.graph(ex, step.operation(), step.kind(), step.id())));
          }
        } else if (inner.status == 429 || inner.status == 503 || inner.status == 504) {
          retry.put(index, step);
          retryInner.put(index, inner);
          if (inner.retryAfter != null && (largestRetryAfter == null || inner.retryAfter.compareTo(largestRetryAfter) > 0)) {
            largestRetryAfter = inner.retryAfter;
          }
        } else {
          out.set(index, BulkOutcome.failure(inner.error(step, "")));
        }
      }
      if (retry.isEmpty()) {
        return;
      }
      // The service's own Retry-After when one was given (the largest of them), else the policy's backoff.
      Duration wait = largestRetryAfter != null ? largestRetryAfter : policy.delay(attempt, null);
      boolean overBudget = waited.plus(wait).compareTo(maxTotalWait) > 0;
      if (attempt >= policy.maxAttempts() || overBudget) {
        String why = overBudget && attempt < policy.maxAttempts()
            ? " (after " + attempt + " attempts; waiting " + wait + " more would pass the " + maxTotalWait + " allowed)"
            : " (still after " + attempt + " attempts)";
        for (Map.Entry<Integer, Inner> e : retryInner.entrySet()) {
          Inner inner = e.getValue();
          Duration carried = inner.retryAfter != null ? inner.retryAfter : wait;
          out.set(e.getKey(), BulkOutcome.failure(new Inner(inner.status, inner.code, inner.message, carried, inner.body)
              .error(retry.get(e.getKey()), why)));
        }
        return;
      }
      waited = waited.plus(wait);
      log.warn("Throttled inside a batch, retrying the failed requests alone [failed={}, of={}, attempt={}, wait={}]",
          retry.size(), pending.size(), attempt, wait);
      sleeper.sleep(wait);
      pending = retry;
    }
  }

  /**
   * Writes one inner request from the SDK's {@link RequestInformation}: method, URL relative to the version root
   * (path and query expanded by the SDK's URI template, so encoded exactly as a single call's would be), and the body
   * with its {@code Content-Type}. It is not converted into a native request: that would run the authentication
   * provider (a token request per inner request) for a header the batch body must not carry anyway. No header other
   * than {@code Content-Type} is written. Called once per step; a retry resends the same JSON under a new id.
   */
  private JsonObject inner(RequestInformation info) {
    // The adapter fills in the base URL when it sends; expanding alone would keep the one the builder was made with.
    info.pathParameters.put("baseurl", graph.getRequestAdapter().getBaseUrl());
    java.net.URI uri;
    try {
      uri = info.getUri();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("the SDK built an invalid URI: " + e.getMessage(), e);
    }
    JsonObject o = new JsonObject();
    o.addProperty("method", info.httpMethod.toString());
    o.addProperty("url", relative(uri.toString()));
    byte[] bytes = new byte[0];
    if (info.content != null) {
      try {
        bytes = info.content.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (bytes.length > 0) {
      java.util.Set<String> types = info.headers.get("Content-Type");
      String contentType = types == null || types.isEmpty() ? "application/json" : types.iterator().next();
      JsonObject headers = new JsonObject();
      headers.addProperty("Content-Type", contentType);
      o.add("headers", headers);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (contentType.startsWith("application/json")) {
        o.add("body", JsonParser.parseString(text));
      } else {
        o.addProperty("body", text);
      }
    }
    return o;
  }

  private String relative(String absolute) {
    String base = graph.getRequestAdapter().getBaseUrl().replaceAll("/+$", "");
    if (!absolute.startsWith(base)) {
      throw new IllegalStateException("request outside the client's base URL: " + absolute);
    }
    return absolute.substring(base.length());
  }

  /** Posts one batch through the client's request adapter (its OkHttp stack, auth, RetryHandler for the outer call). */
  private Map<String, Inner> send(JsonObject batch) {
    RequestInformation info = new RequestInformation();
    info.httpMethod = HttpMethod.POST;
    info.urlTemplate = "{+baseurl}/$batch";
    info.headers.tryAdd("Accept", "application/json");
    info.setStreamContent(new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)), "application/json");
    JsonObject root;
    try (InputStream in = graph.getRequestAdapter().sendPrimitive(info, new java.util.HashMap<>(ERRORS), InputStream.class)) {
      if (in == null) {
        throw new BackendException("graph", "batch", "POST /$batch returned no body", null);
      }
      root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Inner> byId = new LinkedHashMap<>();
    if (GraphErrors.member(root, "responses") instanceof JsonArray responses) {
      for (JsonElement r : responses) {
        if (r.isJsonObject()) {
          JsonObject o = r.getAsJsonObject();
          byId.put(Inner.text(GraphErrors.member(o, "id")), Inner.of(o, clock));
        }
      }
    }
    return byId;
  }

  /** One inner response, read fully so that the okhttp response can be closed. */
  private static final class Inner {
    final int status;
    final String code;
    final String message;
    final Duration retryAfter;
    final byte[] body;

    Inner(int status, String code, String message, Duration retryAfter, byte[] body) {
      this.status = status;
      this.code = code;
      this.message = message;
      this.retryAfter = retryAfter;
      this.body = body;
    }

    static Inner of(JsonObject o, Clock clock) {
      JsonElement status = GraphErrors.member(o, "status");
      int code = status != null && status.isJsonPrimitive() ? status.getAsInt() : 0;
      String retryAfter = null;
      if (GraphErrors.member(o, "headers") instanceof JsonObject headers) {
        retryAfter = text(GraphErrors.member(headers, "Retry-After"));
      }
      JsonElement body = GraphErrors.member(o, "body");
      String errorCode = "";
      String message = "";
      if (code >= 400 && body instanceof JsonObject b && GraphErrors.member(b, "error") instanceof JsonObject err) {
        errorCode = text(GraphErrors.member(err, "code"));
        message = text(GraphErrors.member(err, "message"));
      }
      byte[] bytes = body == null || body.isJsonNull() ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
      return new Inner(code, errorCode, message, GraphErrors.retryAfter(retryAfter, clock), bytes);
    }

    M365KitException error(Step<?> step, String suffix) {
      return GraphErrors.graph(status, code, message + suffix, retryAfter, step.operation(), step.kind(), step.id(), null);
    }

    private static String text(JsonElement e) {
      return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }
  }
}
