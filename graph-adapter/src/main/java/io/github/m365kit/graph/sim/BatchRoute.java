package io.github.m365kit.graph.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.graph.sim.GraphSimulator.Call;
import io.github.m365kit.graph.sim.GraphSimulator.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1.0/$batch}: checks the batch the way the service does (at most 20 requests, unique ids, a
 * {@code Content-Type} with every body), runs each inner request through the Graph routes after charging it to the
 * throttle budget, and answers 200 with the inner responses in reverse order, so that clients must match by id.
 * {@code dependsOn} is not supported (the simulator answers 400).
 */
final class BatchRoute {
  static final int MAX = 20;

  private final GraphRoutes graph;

  BatchRoute(GraphRoutes graph) {
    this.graph = graph;
  }

  Reply handle(JsonNode body, GraphSimulator sim) {
    JsonNode requests = body.path("requests");
    if (!requests.isArray() || requests.isEmpty()) {
      return bad("Invalid batch payload format: 'requests' is missing or empty.");
    }
    if (requests.size() > MAX) {
      return bad("Invalid batch payload format: the number of requests exceeds the limit of " + MAX + ".");
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode r : requests) {
      String id = r.path("id").asText("");
      if (id.isEmpty() || !ids.add(id)) {
        return bad("Invalid batch payload format: request id '" + id + "' is missing or not unique.");
      }
      if (r.has("dependsOn")) {
        return bad("The simulator does not support dependsOn.");
      }
      if (r.has("body") && r.path("headers").path("Content-Type").asText("").isEmpty()) {
        return bad("Invalid batch payload format: Content-Type header is required when a body is present (request " + id + ").");
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode r : requests) {
      out.add(inner(r, sim));
    }
    Collections.reverse(out);
    ObjectNode root = GraphSimulator.JSON.createObjectNode();
    ArrayNode responses = root.putArray("responses");
    out.forEach(responses::add);
    return Reply.ok(root);
  }

  private ObjectNode inner(JsonNode r, GraphSimulator sim) {
    String id = r.path("id").asText();
    Reply reply;
    long throttledSeconds = sim.chargeInner();
    if (throttledSeconds > 0) {
      reply = new Reply(429, GraphSimulator.errorBody("TooManyRequests",
          "Too many requests: the simulator's budget is used up (inner request of a batch)."),
          Map.of("Retry-After", String.valueOf(throttledSeconds)));
    } else {
      try {
        reply = graph.handle(call(r));
      } catch (M365KitException e) {
        reply = GraphSimulator.error(false, e);
      } catch (RuntimeException e) {
        reply = GraphSimulator.error(false, new io.github.m365kit.BackendException("simulator", "internal",
            "the simulator failed: " + e, e));
      }
    }
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("id", id);
    o.put("status", reply.status());
    ObjectNode headers = o.putObject("headers");
    reply.headers().forEach(headers::put);
    if (reply.body() != null) {
      headers.put("Content-Type", "application/json");
      o.set("body", reply.body());
    }
    return o;
  }

  private static Call call(JsonNode r) {
    String method = r.path("method").asText("").toUpperCase(Locale.ROOT);
    String url = r.path("url").asText("");
    if (!url.startsWith("/")) {
      throw new InvalidInputException("url", url, "a batch request's url must be relative to /v1.0 and start with /");
    }
    int q = url.indexOf('?');
    String path = GraphSimulator.decode(q < 0 ? url : url.substring(0, q));
    Map<String, String> query = GraphSimulator.query(q < 0 ? null : url.substring(q + 1));
    JsonNode body = r.has("body") ? r.get("body") : GraphSimulator.JSON.createObjectNode();
    return new Call(method, "/v1.0" + path, query, body, null);
  }

  private static Reply bad(String message) {
    return new Reply(400, GraphSimulator.errorBody("BadRequest", message), Map.of());
  }
}
