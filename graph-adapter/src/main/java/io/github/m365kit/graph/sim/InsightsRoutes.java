package io.github.m365kit.graph.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.graph.sim.GraphSimulator.Call;
import io.github.m365kit.graph.sim.GraphSimulator.Reply;
import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.memory.InMemoryInsightsStore;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Upn;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simulator's item-insights routes (Graph {@code /admin/people/itemInsights},
 * {@code /users/{id}/settings/itemInsights}) and MyAnalytics cmdlets ({@code Get-/Set-MyAnalyticsFeatureConfig},
 * {@code Get-/Set-DefaultTenantMyAnalyticsFeatureConfig}), backed by {@link InMemoryTenant#insights()}.
 *
 * <p>The cmdlets' behaviour through InvokeCommand is UNCONFIRMED; the simulator answers as the cmdlet documentation
 * describes: {@code Get-MyAnalyticsFeatureConfig} returns effective values ({@code UserId}, {@code PrivacyMode},
 * {@code IsDashboardEnabled}, {@code IsAddInEnabled}, {@code IsDigestEmailEnabled}), an unknown identity is refused,
 * and {@code -PrivacyMode} and {@code -Feature}/{@code -IsEnabled} cannot be combined. The output of
 * {@code Get-DefaultTenantMyAnalyticsFeatureConfig} is a guess (one {@code Is<Feature>Enabled} per documented
 * feature value plus {@code PrivacyMode}).
 */
final class InsightsRoutes {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final Set<String> CMDLETS = Set.of("get-myanalyticsfeatureconfig", "set-myanalyticsfeatureconfig",
      "get-defaulttenantmyanalyticsfeatureconfig", "set-defaulttenantmyanalyticsfeatureconfig");

  private final InMemoryTenant tenant;
  private final GraphSimulator sim;

  InsightsRoutes(InMemoryTenant tenant, GraphSimulator sim) {
    this.tenant = tenant;
    this.sim = sim;
  }

  private InMemoryInsightsStore store() {
    return tenant.insights();
  }

  // ---------------------------------------------------------------- Graph

  /** @return the reply, or null when the path is not an item-insights path */
  Reply graph(Call c, String[] seg) {
    String m = c.method();
    if (seg.length == 3 && seg[0].equals("admin") && seg[1].equals("people") && seg[2].equals("itemInsights")) {
      if (m.equals("GET")) {
        return Reply.ok(orgJson(store().itemInsightsOrg()));
      }
      if (m.equals("PATCH")) {
        ItemInsightsOrgSettings old = store().itemInsightsOrg();
        JsonNode b = c.body();
        allowOnly(b, "isEnabledInOrganization", "disabledForGroup");
        boolean enabled = b.has("isEnabledInOrganization") ? requireBoolean(b, "isEnabledInOrganization") : old.isEnabledInOrganization();
        Optional<String> group = old.disabledForGroup();
        if (b.has("disabledForGroup")) {
          JsonNode g = b.get("disabledForGroup");
          if (!g.isNull() && !(g.isTextual() && GUID.matcher(g.asText()).matches())) {
            throw new InvalidInputException("disabledForGroup", g.toString(), "Invalid value for 'disabledForGroup': it must be a group id.");
          }
          group = g.isNull() ? Optional.empty() : Optional.of(g.asText());
        }
        ItemInsightsOrgSettings updated = new ItemInsightsOrgSettings(enabled, group);
        store().setItemInsightsOrg(updated);
        return Reply.ok(orgJson(updated));
      }
    }
    if (seg.length == 4 && seg[0].equals("users") && seg[2].equals("settings") && seg[3].equals("itemInsights")) {
      Upn user = user(seg[1]).userPrincipalName();
      if (m.equals("GET")) {
        return Reply.ok(userJson(store().itemInsightsEnabled(user)));
      }
      if (m.equals("PATCH")) {
        allowOnly(c.body(), "isEnabled");
        boolean enabled = c.body().has("isEnabled") ? requireBoolean(c.body(), "isEnabled") : store().itemInsightsEnabled(user);
        store().setItemInsightsEnabled(user, enabled);
        return Reply.ok(userJson(enabled));
      }
    }
    return null;
  }

  private ObjectNode orgJson(ItemInsightsOrgSettings s) {
    ObjectNode n = GraphSimulator.JSON.createObjectNode();
    n.put("@odata.context", sim.root() + "/v1.0/$metadata#admin/people/itemInsights/$entity");
    n.put("isEnabledInOrganization", s.isEnabledInOrganization());
    n.put("disabledForGroup", s.disabledForGroup().orElse(null));
    return n;
  }

  private ObjectNode userJson(boolean enabled) {
    ObjectNode n = GraphSimulator.JSON.createObjectNode();
    n.put("@odata.context", sim.root() + "/v1.0/$metadata#users('…')/settings/itemInsights/$entity");
    n.put("isEnabled", enabled);
    return n;
  }

  private static void allowOnly(JsonNode body, String... names) {
    List<String> allowed = List.of(names);
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f) && !f.startsWith("@odata.")) {
        throw new InvalidInputException(f, "", "Property '" + f + "' does not exist on this resource.");
      }
    }
  }

  private static boolean requireBoolean(JsonNode body, String name) {
    JsonNode n = body.get(name);
    if (!n.isBoolean()) {
      throw new InvalidInputException(name, n.toString(), "Cannot convert the literal '" + n + "' to the expected type 'Edm.Boolean'.");
    }
    return n.booleanValue();
  }

  private CloudUser user(String idOrUpn) {
    Optional<CloudUser> found = idOrUpn.contains("@")
        ? tenant.findUser(Upn.of(idOrUpn))
        : tenant.users().stream().filter(u -> u.id().toString().equalsIgnoreCase(idOrUpn)).findFirst();
    return found.orElseThrow(() -> new NotFoundException("user", idOrUpn,
        "Resource '" + idOrUpn + "' does not exist or one of its queried reference-property objects are not present."));
  }

  // ---------------------------------------------------------------- Exchange cmdlets

  /**
   * @param cmdlet one of {@link #CMDLETS}, any case
   * @param parameters the Parameters object
   * @return the objects of {@code value}
   */
  List<JsonNode> cmdlet(String cmdlet, ObjectNode parameters) {
    Map<String, JsonNode> p = new HashMap<>();
    parameters.fields().forEachRemaining(e -> p.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
    switch (cmdlet.toLowerCase(Locale.ROOT)) {
      case "get-myanalyticsfeatureconfig" -> {
        allow(cmdlet, p, "identity");
        Upn user = identity(cmdlet, p);
        return List.of(userConfigJson(user));
      }
      case "set-myanalyticsfeatureconfig" -> {
        allow(cmdlet, p, "identity", "privacymode", "feature", "isenabled");
        Upn user = identity(cmdlet, p);
        boolean mode = p.containsKey("privacymode");
        boolean feature = p.containsKey("feature") || p.containsKey("isenabled");
        if (mode == feature) {
          throw new InvalidInputException("Set-MyAnalyticsFeatureConfig", user.toString(),
              "Parameter set cannot be resolved using the specified named parameters: use -PrivacyMode, or -Feature with -IsEnabled.");
        }
        if (mode) {
          store().setUserPrivacyMode(user, PrivacyMode.parse(p.get("privacymode").asText()));
        } else {
          store().setUserFeature(user, UserFeature.parse(text(cmdlet, p, "feature")), bool(cmdlet, p));
        }
        return List.of();
      }
      case "get-defaulttenantmyanalyticsfeatureconfig" -> {
        allow(cmdlet, p);
        TenantInsightsDefaults d = store().tenantDefaults();
        ObjectNode o = GraphSimulator.JSON.createObjectNode();
        o.put("TenantId", tenant.name());
        o.put("PrivacyMode", d.defaultPrivacyMode().cmdletValue());
        for (TenantFeature f : TenantFeature.values()) {
          f.cmdletValue().ifPresent(v -> o.put(property(v), d.isEnabled(f)));
        }
        return List.of(o);
      }
      case "set-defaulttenantmyanalyticsfeatureconfig" -> {
        allow(cmdlet, p, "feature", "isenabled");
        String value = text(cmdlet, p, "feature");
        TenantFeature f = TenantFeature.parse(value);
        if (f.cmdletValue().isEmpty()) {
          throw new InvalidInputException("Feature", value, "Cannot validate argument on parameter 'Feature'.");
        }
        store().setTenantDefault(f, bool(cmdlet, p));
        return List.of();
      }
      default -> throw new IllegalArgumentException(cmdlet);
    }
  }

  private ObjectNode userConfigJson(Upn user) {
    TenantInsightsDefaults d = store().tenantDefaults();
    UserInsightsOverrides u = store().userConfig(user);
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("UserId", user.toString());
    o.put("PrivacyMode", u.privacyMode().orElse(d.defaultPrivacyMode()).cmdletValue());
    o.put("IsDashboardEnabled", u.feature(UserFeature.DASHBOARD).orElse(d.isEnabled(TenantFeature.DASHBOARD)));
    o.put("IsAddInEnabled", u.feature(UserFeature.ADD_IN).orElse(d.isEnabled(TenantFeature.ADD_IN)));
    o.put("IsDigestEmailEnabled", u.feature(UserFeature.DIGEST_EMAIL).orElse(d.isEnabled(TenantFeature.DIGEST_EMAIL)));
    return o;
  }

  static String property(String cmdletValue) {
    StringBuilder b = new StringBuilder("Is");
    for (String part : cmdletValue.split("-")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return b.append("Enabled").toString();
  }

  private Upn identity(String cmdlet, Map<String, JsonNode> p) {
    String id = text(cmdlet, p, "identity");
    Upn upn = Upn.of(id);
    if (tenant.findUser(upn).isEmpty()) {
      throw new NotFoundException("user", id, "The operation couldn't be performed because object '" + id + "' couldn't be found.");
    }
    return upn;
  }

  private static String text(String cmdlet, Map<String, JsonNode> p, String name) {
    JsonNode n = p.get(name);
    if (n == null || n.isNull() || n.asText("").isBlank()) {
      throw new InvalidInputException(name, "", cmdlet + ": the parameter -" + name + " is missing");
    }
    return n.asText();
  }

  private static boolean bool(String cmdlet, Map<String, JsonNode> p) {
    JsonNode n = p.get("isenabled");
    if (n == null || !n.isBoolean()) {
      throw new InvalidInputException("IsEnabled", n == null ? "" : n.toString(), cmdlet + ": -IsEnabled must be $true or $false");
    }
    return n.booleanValue();
  }

  private static void allow(String cmdlet, Map<String, JsonNode> p, String... names) {
    List<String> allowed = List.of(names);
    for (String given : p.keySet()) {
      if (!allowed.contains(given)) {
        throw new InvalidInputException(given, cmdlet, "A parameter cannot be found that matches parameter name '" + given + "'.");
      }
    }
  }
}
