package io.github.m365kit.graph.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType;
import io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.ConditionalAccessPolicy.Users;
import io.github.m365kit.graph.sim.GraphSimulator.Call;
import io.github.m365kit.graph.sim.GraphSimulator.Reply;
import io.github.m365kit.memory.InMemoryTenant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Conditional Access endpoints of {@link GraphSimulator}: {@code GET} and {@code POST
 * /v1.0/identity/conditionalAccess/policies}, {@code GET} and {@code PATCH …/policies/{id}}, delegating to the tenant's
 * {@link io.github.m365kit.spi.ConditionalAccessStore}. A {@code PATCH} may carry {@code state} and
 * {@code conditions.users} (replaced as sent); anything else is refused with 400 rather than silently ignored. The
 * service's one-request-per-second throttle is simulated when switched on
 * ({@link GraphSimulator#conditionalAccessRateLimit(boolean)}): a request less than a second after the previous one
 * answered is refused with 429 and, like the service, no {@code Retry-After}.
 */
final class ConditionalAccessRoutes {
  private static final long ONE_SECOND = 1_000_000_000L;
  private final InMemoryTenant tenant;
  private volatile boolean rateLimited;
  private long lastServed = Long.MIN_VALUE;

  ConditionalAccessRoutes(InMemoryTenant tenant) {
    this.tenant = tenant;
  }

  void rateLimit(boolean on) {
    rateLimited = on;
  }

  /** @return true when the request may go ahead (and is counted), false when it is over one per second */
  private synchronized boolean admit() {
    long now = System.nanoTime();
    if (lastServed != Long.MIN_VALUE && now - lastServed < ONE_SECOND) {
      return false;
    }
    lastServed = now;
    return true;
  }

  /** @return the reply, or null when the path is not a Conditional Access path */
  Reply handle(Call c, String[] seg) {
    if (seg.length < 3 || !seg[0].equals("identity") || !seg[1].equals("conditionalAccess") || !seg[2].equals("policies")) {
      return null;
    }
    if (rateLimited && !admit()) {
      return new Reply(429, GraphSimulator.errorBody("TooManyRequests",
          "Too many requests: Conditional Access allows one request per second per tenant (simulated)."), Map.of());
    }
    String m = c.method();
    if (seg.length == 3 && m.equals("GET")) {
      ObjectNode r = GraphSimulator.JSON.createObjectNode();
      ArrayNode value = r.putArray("value");
      tenant.listConditionalAccessPolicies().forEach(p -> value.add(json(p)));
      return Reply.ok(r);
    }
    if (seg.length == 3 && m.equals("POST")) {
      return new Reply(201, json(tenant.createConditionalAccessPolicy(parse(c.body()))), Map.of());
    }
    if (seg.length == 4 && m.equals("GET")) {
      return Reply.ok(json(tenant.listConditionalAccessPolicies().stream().filter(p -> p.id().orElse("").equalsIgnoreCase(seg[3]))
          .findFirst().orElseThrow(() -> new NotFoundException("conditional access policy", seg[3], "Conditional Access policy '" + seg[3]
              + "' does not exist."))));
    }
    if (seg.length == 4 && m.equals("PATCH")) {
      JsonNode b = c.body();
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!f.equals("state") && !f.equals("conditions") && !f.equals("@odata.type")) {
          throw new InvalidInputException("conditional access policy property", f, "the simulator patches state and conditions.users only");
        }
      }
      Optional<Users> users = Optional.empty();
      if (b.has("conditions")) {
        for (Iterator<String> it = b.get("conditions").fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!f.equals("users") && !f.equals("@odata.type")) {
            throw new InvalidInputException("conditional access condition", f, "the simulator patches conditions.users only");
          }
        }
        users = Optional.of(users(b.get("conditions").path("users")));
      }
      Optional<State> state = b.hasNonNull("state") ? Optional.of(State.parse(b.get("state").asText())) : Optional.empty();
      tenant.updateConditionalAccessPolicy(seg[3], new ConditionalAccessPolicy.Change(state, users));
      return Reply.noContent();
    }
    return null;
  }

  private static ConditionalAccessPolicy parse(JsonNode b) {
    JsonNode c = b.path("conditions");
    Set<ClientAppType> types = EnumSet.noneOf(ClientAppType.class);
    c.path("clientAppTypes").forEach(t -> types.add(ClientAppType.parse(t.asText())));
    JsonNode g = b.path("grantControls");
    Optional<GrantControls> grant = g.isObject() ? Optional.of(new GrantControls(g.path("operator").asText(""), strings(g.path("builtInControls"))))
        : Optional.empty();
    String name = b.path("displayName").asText("");
    return new ConditionalAccessPolicy(Optional.empty(), name, State.parse(b.path("state").asText("")), types,
        strings(c.path("applications").path("includeApplications")), users(c.path("users")), grant, b.path("sessionControls").isObject());
  }

  private static Users users(JsonNode u) {
    return new Users(strings(u.path("includeUsers")), strings(u.path("excludeUsers")), strings(u.path("includeGroups")), strings(u.path("excludeGroups")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static ObjectNode json(ConditionalAccessPolicy p) {
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("id", p.id().orElse(null));
    o.put("displayName", p.displayName());
    o.put("state", p.state().graphValue());
    ObjectNode c = o.putObject("conditions");
    ArrayNode types = c.putArray("clientAppTypes");
    p.clientAppTypes().stream().sorted().forEach(t -> types.add(t.graphValue()));
    ArrayNode apps = c.putObject("applications").putArray("includeApplications");
    p.includeApplications().forEach(apps::add);
    ObjectNode u = c.putObject("users");
    p.users().includeUsers().forEach(u.putArray("includeUsers")::add);
    p.users().excludeUsers().forEach(u.putArray("excludeUsers")::add);
    p.users().includeGroups().forEach(u.putArray("includeGroups")::add);
    p.users().excludeGroups().forEach(u.putArray("excludeGroups")::add);
    if (p.grantControls().isPresent()) {
      ObjectNode g = o.putObject("grantControls").put("operator", p.grantControls().get().operator());
      p.grantControls().get().builtInControls().forEach(g.putArray("builtInControls")::add);
    } else {
      o.putNull("grantControls");
    }
    if (p.sessionControls()) {
      o.putObject("sessionControls");
    } else {
      o.putNull("sessionControls");
    }
    return o;
  }
}
