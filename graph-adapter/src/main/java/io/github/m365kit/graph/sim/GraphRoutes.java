package io.github.m365kit.graph.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.graph.sim.GraphSimulator.Call;
import io.github.m365kit.graph.sim.GraphSimulator.Reply;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Graph v1.0 endpoints of {@link GraphSimulator}. */
final class GraphRoutes {
  private static final Pattern USER_FILTER = Pattern.compile("^\\s*(accountEnabled|onPremisesSyncEnabled)\\s+eq\\s+(true|false)\\s*$");
  /** An OData string literal: quotes inside are doubled. */
  private static final Pattern NICKNAME_FILTER = Pattern.compile("^\\s*mailNickname\\s+eq\\s+'((?:[^']|'')*)'\\s*$");
  private static final Pattern SINCE = Pattern.compile("createdDateTime\\s+ge\\s+(\\S+)");
  private static final Pattern CLIENT_APP = Pattern.compile("clientAppUsed\\s+eq\\s+'((?:[^']|'')*)'");
  /** The properties Graph returns without $select. */
  private static final List<String> DEFAULT_SELECT = List.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
      "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id");

  private final InMemoryTenant tenant;
  private final GraphSimulator sim;
  private final InsightsRoutes insights;
  private final ConditionalAccessRoutes conditionalAccess;

  GraphRoutes(InMemoryTenant tenant, GraphSimulator sim) {
    this.tenant = tenant;
    this.sim = sim;
    this.insights = new InsightsRoutes(tenant, sim);
    this.conditionalAccess = new ConditionalAccessRoutes(tenant);
  }

  void conditionalAccessRateLimit(boolean on) {
    conditionalAccess.rateLimit(on);
  }

  Reply handle(Call c) {
    String[] seg = c.path().substring("/v1.0/".length()).split("/");
    String m = c.method();
    Reply itemInsights = insights.graph(c, seg);
    if (itemInsights != null) {
      return itemInsights;
    }
    if (seg[0].equals("users")) {
      if (seg.length == 1 && m.equals("GET")) {
        return listUsers(c);
      }
      if (seg.length == 2 && m.equals("GET")) {
        return Reply.ok(userJson(user(seg[1]), select(c)));
      }
      if (seg.length == 2 && m.equals("PATCH")) {
        return patchUser(user(seg[1]), c.body());
      }
      if (seg.length == 3 && m.equals("POST") && seg[2].equals("assignLicense")) {
        return assignLicense(user(seg[1]), c.body());
      }
      if (seg.length == 3 && m.equals("GET") && seg[2].equals("mailboxSettings")) {
        return ReportRoutes.mailboxSettings(tenant, sim, user(seg[1]), c);
      }
      if (seg.length == 3 && m.equals("POST") && seg[2].equals("revokeSignInSessions")) {
        tenant.revokeSignInSessions(user(seg[1]).userPrincipalName());
        ObjectNode r = GraphSimulator.JSON.createObjectNode();
        r.put("@odata.context", sim.root() + "/v1.0/$metadata#Edm.Boolean");
        r.put("value", true);
        return Reply.ok(r);
      }
    }
    if (seg[0].equals("groups")) {
      Reply r = groups(c, seg, m);
      if (r != null) {
        return r;
      }
    }
    if (seg.length == 2 && seg[0].equals("reports") && m.equals("GET")) {
      return sim.reports().mailboxUsage(seg[1]);
    }
    if (seg[0].equals("identity")) {
      Reply r = conditionalAccess.handle(c, seg);
      if (r != null) {
        return r;
      }
    }
    if (seg.length == 1 && seg[0].equals("subscribedSkus") && m.equals("GET")) {
      return subscribedSkus();
    }
    if (seg.length == 2 && seg[0].equals("auditLogs") && seg[1].equals("signIns") && m.equals("GET")) {
      return signIns(c);
    }
    return new Reply(400, GraphSimulator.errorBody("BadRequest",
        "Resource not found for the segment '" + seg[0] + "' (the simulator does not serve " + m + " " + c.path() + ")."), Map.of());
  }

  // ---------------------------------------------------------------- groups

  private Reply groups(Call c, String[] seg, String m) {
    if (seg.length == 1 && m.equals("POST")) {
      return createGroup(c.body());
    }
    if (seg.length == 1 && m.equals("GET")) {
      String f = c.query().getOrDefault("$filter", "");
      Matcher fm = NICKNAME_FILTER.matcher(f);
      if (!fm.matches()) {
        throw new InvalidInputException("$filter", f, "the simulator lists groups only by mailNickname eq '…'");
      }
      List<DynamicGroup> found = tenant.findByMailNickname(fm.group(1).replace("''", "'")).map(List::of).orElse(List.of());
      return page(c, "/v1.0/groups", found, top(c, 100, 999), this::groupJson);
    }
    if (seg.length == 2 && m.equals("GET")) {
      DynamicGroup g = tenant.find(groupId(seg[1])).orElseThrow(() -> groupNotFound(seg[1]));
      return Reply.ok(groupJson(g));
    }
    if (seg.length == 2 && m.equals("PATCH")) {
      return patchGroup(groupId(seg[1]), c.body());
    }
    boolean members = seg.length >= 3 && seg[2].equals("members");
    boolean cast = seg.length == 3 || (seg.length == 4 && (seg[3].equals("graph.user") || seg[3].equals("microsoft.graph.user")));
    if (members && cast && m.equals("GET")) {
      ObjectId id = groupId(seg[1]);
      Map<Upn, CloudUser> byUpn = new LinkedHashMap<>();
      tenant.forEachUser(u -> byUpn.put(u.userPrincipalName(), u));
      List<CloudUser> users = new ArrayList<>();
      for (Upn upn : tenant.members(id)) {
        CloudUser u = byUpn.get(upn);
        if (u != null) {
          users.add(u);
        }
      }
      List<String> select = select(c);
      return page(c, "/v1.0/" + String.join("/", seg), users, top(c, 100, 999), u -> userJson(u, select));
    }
    return null;
  }

  private static ObjectId groupId(String text) {
    try {
      return ObjectId.of(text);
    } catch (InvalidInputException e) {
      throw groupNotFound(text);
    }
  }

  private static NotFoundException groupNotFound(String id) {
    return new NotFoundException("group", id, "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
  }

  private Reply createGroup(JsonNode b) {
    List<String> types = new ArrayList<>();
    b.path("groupTypes").forEach(t -> types.add(t.asText()));
    if (!types.contains("DynamicMembership")) {
      throw new InvalidInputException("groupTypes", types.toString(), "the simulator creates only dynamic groups");
    }
    boolean unified = types.contains("Unified");
    if (b.path("mailEnabled").asBoolean(false) != unified || b.path("securityEnabled").asBoolean(false) == unified) {
      throw new InvalidInputException("mailEnabled/securityEnabled", b.path("mailEnabled") + "/" + b.path("securityEnabled"),
          "a Microsoft 365 group is mail-enabled and not security-enabled; a security group the other way round");
    }
    if (!"On".equals(b.path("membershipRuleProcessingState").asText("On"))) {
      throw new InvalidInputException("membershipRuleProcessingState", b.path("membershipRuleProcessingState").asText(),
          "the simulator creates groups with processing On");
    }
    DynamicGroup g = new DynamicGroup(Optional.empty(), b.path("displayName").asText(null), b.path("mailNickname").asText(null),
        unified, b.path("membershipRule").asText(null), false);
    ObjectId id = tenant.createDynamicGroup(g);
    DynamicGroup created = tenant.find(id).orElseThrow(() -> groupNotFound(id.toString()));
    return new Reply(201, groupJson(created), Map.of("Location", sim.root() + "/v1.0/groups/" + id));
  }

  private Reply patchGroup(ObjectId id, JsonNode b) {
    if (tenant.find(id).isEmpty()) {
      throw groupNotFound(id.toString());
    }
    b.fieldNames().forEachRemaining(f -> {
      if (!f.equals("membershipRule") && !f.equals("membershipRuleProcessingState") && !f.equals("@odata.type")) {
        throw new InvalidInputException("group property", f, "the simulator updates only membershipRule and membershipRuleProcessingState");
      }
    });
    if (b.has("membershipRule")) {
      tenant.updateRule(id, b.get("membershipRule").asText());
    }
    if (b.has("membershipRuleProcessingState")) {
      String state = b.get("membershipRuleProcessingState").asText();
      if (!state.equals("On") && !state.equals("Paused")) {
        throw new InvalidInputException("membershipRuleProcessingState", state, "it must be On or Paused");
      }
      tenant.setProcessingPaused(id, state.equals("Paused"));
    }
    return Reply.noContent();
  }

  private ObjectNode groupJson(DynamicGroup g) {
    ObjectNode n = GraphSimulator.JSON.createObjectNode();
    n.put("@odata.context", sim.root() + "/v1.0/$metadata#groups/$entity");
    n.put("id", g.id().map(ObjectId::toString).orElse(null));
    n.put("displayName", g.displayName());
    n.put("mailNickname", g.mailNickname());
    n.put("mailEnabled", g.microsoft365());
    n.put("securityEnabled", !g.microsoft365());
    ArrayNode types = n.putArray("groupTypes");
    if (g.microsoft365()) {
      types.add("Unified");
    }
    types.add("DynamicMembership");
    n.put("membershipRule", g.membershipRule());
    n.put("membershipRuleProcessingState", g.paused() ? "Paused" : "On");
    return n;
  }

  // ---------------------------------------------------------------- users

  private CloudUser user(String idOrUpn) {
    Optional<CloudUser> found;
    if (idOrUpn.contains("@")) {
      found = tenant.findUser(Upn.of(idOrUpn));
    } else {
      found = tenant.users().stream().filter(u -> u.id().toString().equalsIgnoreCase(idOrUpn)).findFirst();
    }
    return found.orElseThrow(() -> new NotFoundException("user", idOrUpn,
        "Resource '" + idOrUpn + "' does not exist or one of its queried reference-property objects are not present."));
  }

  private static List<String> select(Call c) {
    String s = c.query().get("$select");
    if (s == null || s.isBlank()) {
      return DEFAULT_SELECT;
    }
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  private Reply listUsers(Call c) {
    Predicate<CloudUser> filter = u -> true;
    String f = c.query().get("$filter");
    if (f != null) {
      Matcher fm = USER_FILTER.matcher(f);
      if (!fm.matches()) {
        throw new InvalidInputException("$filter", f, "the simulator filters users only on accountEnabled or onPremisesSyncEnabled with eq");
      }
      boolean want = Boolean.parseBoolean(fm.group(2));
      filter = fm.group(1).equals("accountEnabled") ? u -> u.accountEnabled() == want : u -> u.onPremisesSyncEnabled() == want;
    }
    List<CloudUser> all = new ArrayList<>();
    tenant.forEachUser(all::add);
    List<CloudUser> matching = all.stream().filter(filter).toList();
    int top = top(c, 100, 999);
    List<String> select = select(c);
    return page(c, "/v1.0/users", matching, top, u -> userJson(u, select));
  }

  private int top(Call c, int dflt, int max) {
    String t = c.query().get("$top");
    int top = dflt;
    if (t != null) {
      try {
        top = Integer.parseInt(t.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("$top", t, "it is not a number");
      }
      if (top < 1 || top > max) {
        throw new InvalidInputException("$top", t, "it must be 1.." + max);
      }
    }
    return Math.min(top, sim.maxPageSize());
  }

  private <T> Reply page(Call c, String path, List<T> items, int size, java.util.function.Function<T, JsonNode> json) {
    int offset = 0;
    String skip = c.query().get("$skiptoken");
    if (skip != null) {
      try {
        offset = Integer.parseInt(skip);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("$skiptoken", skip, "it is not a token the simulator issued");
      }
    }
    ObjectNode r = GraphSimulator.JSON.createObjectNode();
    r.put("@odata.context", sim.root() + "/v1.0/$metadata#" + path.substring("/v1.0/".length()));
    ArrayNode value = r.putArray("value");
    int end = Math.min(items.size(), offset + size);
    for (int i = offset; i < end; i++) {
      value.add(json.apply(items.get(i)));
    }
    if (end < items.size()) {
      StringBuilder next = new StringBuilder(sim.root()).append(path).append('?');
      Map<String, String> q = new LinkedHashMap<>(c.query());
      q.put("$skiptoken", String.valueOf(end));
      q.forEach((k, v) -> next.append(enc(k)).append('=').append(enc(v)).append('&'));
      next.setLength(next.length() - 1);
      r.put("@odata.nextLink", next.toString());
    }
    return Reply.ok(r);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static ObjectNode userJson(CloudUser u, List<String> select) {
    ObjectNode all = GraphSimulator.JSON.createObjectNode();
    all.put("id", u.id().toString());
    all.putArray("businessPhones");
    all.put("displayName", u.displayName());
    all.putNull("givenName");
    all.put("jobTitle", u.jobTitle().orElse(null));
    all.put("mail", u.mail().map(Object::toString).orElse(null));
    all.putNull("mobilePhone");
    all.putNull("officeLocation");
    all.putNull("preferredLanguage");
    all.putNull("surname");
    all.put("userPrincipalName", u.userPrincipalName().value());
    all.put("accountEnabled", u.accountEnabled());
    all.put("userType", u.userType() == UserType.GUEST ? "Guest" : "Member");
    if (u.onPremisesSyncEnabled()) {
      all.put("onPremisesSyncEnabled", true);
    } else {
      all.putNull("onPremisesSyncEnabled");
    }
    all.put("onPremisesDistinguishedName", u.onPremisesDistinguishedName().orElse(null));
    all.put("onPremisesImmutableId", u.otherProperties().get("onPremisesImmutableId"));
    all.put("onPremisesSamAccountName", u.otherProperties().get("onPremisesSamAccountName"));
    ArrayNode licenses = all.putArray("assignedLicenses");
    for (License l : u.licenses()) {
      ObjectNode al = licenses.addObject();
      al.putArray("disabledPlans");
      al.put("skuId", l.skuId().toString());
    }
    all.put("department", u.department().orElse(null));
    all.put("country", u.country().orElse(null));
    all.put("usageLocation", u.usageLocation().orElse(null));
    all.put("signInSessionsValidFromDateTime", u.signInSessionsValidFrom().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
    ObjectNode out = GraphSimulator.JSON.createObjectNode();
    for (String p : select) {
      JsonNode v = all.get(p);
      if (v != null) {
        out.set(p, v);
      }
    }
    return out;
  }

  private Reply patchUser(CloudUser u, JsonNode body) {
    Set<String> names = new LinkedHashSet<>();
    body.fieldNames().forEachRemaining(names::add);
    names.remove("@odata.type");
    JsonNode enabled = body.get("accountEnabled");
    if (names.size() != 1 || enabled == null || !enabled.isBoolean()) {
      throw new InvalidInputException("PATCH body", names.toString(), "the simulator can only PATCH accountEnabled (a boolean)");
    }
    tenant.setAccountEnabled(u.userPrincipalName(), enabled.booleanValue());
    return Reply.noContent();
  }

  /** The SKUs the tenant "owns": the ones m365kit knows plus any a user holds. */
  private Map<UUID, License> skus() {
    Map<UUID, License> skus = new LinkedHashMap<>();
    for (License l : License.known()) {
      skus.put(l.skuId(), l);
    }
    for (CloudUser u : tenant.users()) {
      for (License l : u.licenses()) {
        skus.putIfAbsent(l.skuId(), l);
      }
    }
    return skus;
  }

  private Reply assignLicense(CloudUser u, JsonNode body) {
    Map<UUID, License> skus = skus();
    List<License> add = new ArrayList<>();
    for (JsonNode a : body.path("addLicenses")) {
      UUID sku = uuid(a.path("skuId").asText(""));
      License l = skus.get(sku);
      if (l == null) {
        throw new InvalidInputException("skuId", sku.toString(), "License " + sku + " does not correspond to a valid company License.");
      }
      add.add(l);
    }
    Set<UUID> remove = new LinkedHashSet<>();
    for (JsonNode r : body.path("removeLicenses")) {
      remove.add(uuid(r.asText("")));
    }
    if (!remove.isEmpty()) {
      tenant.removeLicenses(u.userPrincipalName(), remove);
    }
    for (License l : add) {
      tenant.assignLicense(u.userPrincipalName(), l);
    }
    return Reply.ok(userJson(tenant.findUser(u.userPrincipalName()).orElse(u), DEFAULT_SELECT));
  }

  private static UUID uuid(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("skuId", s, "it is not a GUID");
    }
  }

  private Reply subscribedSkus() {
    ObjectNode r = GraphSimulator.JSON.createObjectNode();
    r.put("@odata.context", sim.root() + "/v1.0/$metadata#subscribedSkus");
    ArrayNode value = r.putArray("value");
    List<CloudUser> users = tenant.users();
    for (License l : skus().values()) {
      ObjectNode s = value.addObject();
      s.put("capabilityStatus", "Enabled");
      s.put("consumedUnits", users.stream().filter(u -> u.licenses().contains(l)).count());
      s.put("skuId", l.skuId().toString());
      s.put("skuPartNumber", l.skuPartNumber());
      s.put("appliesTo", "User");
      ArrayNode plans = s.putArray("servicePlans");
      switch (l.exchangePlan()) {
        case PLAN_2 -> plan(plans, "EXCHANGE_S_ENTERPRISE");
        case PLAN_1 -> plan(plans, "EXCHANGE_S_STANDARD");
        default -> { }
      }
      if (l.archive() && l.exchangePlan() != License.ExchangePlan.PLAN_2) {
        plan(plans, "EXCHANGE_S_ARCHIVE_ADDON");
      }
    }
    return Reply.ok(r);
  }

  private static void plan(ArrayNode plans, String name) {
    ObjectNode p = plans.addObject();
    p.put("servicePlanId", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    p.put("servicePlanName", name);
    p.put("provisioningStatus", "Success");
    p.put("appliesTo", "User");
  }

  // ---------------------------------------------------------------- sign-ins

  private Reply signIns(Call c) {
    String f = c.query().getOrDefault("$filter", "");
    Matcher since = SINCE.matcher(f);
    Instant from = Instant.EPOCH;
    String rest = f;
    if (since.find()) {
      try {
        from = Instant.parse(since.group(1));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("$filter", f, "createdDateTime must be an ISO instant");
      }
      rest = rest.replace(since.group(), "");
    }
    Set<String> apps = new LinkedHashSet<>();
    Matcher app = CLIENT_APP.matcher(f);
    while (app.find()) {
      apps.add(app.group(1).replace("''", "'"));
    }
    rest = CLIENT_APP.matcher(rest).replaceAll("");
    if (!rest.replaceAll("\\b(and|or)\\b|[()\\s]", "").isEmpty()) {
      throw new InvalidInputException("$filter", f, "the simulator filters sign-ins on createdDateTime ge and clientAppUsed eq only");
    }
    List<SignInEvent> events = new ArrayList<>();
    tenant.forEachSignIn(from, false, e -> {
      if (apps.isEmpty() || apps.contains(e.clientAppUsed())) {
        events.add(e);
      }
    });
    events.sort(Comparator.comparing(SignInEvent::createdDateTime).reversed());
    return page(c, "/v1.0/auditLogs/signIns", events, top(c, 1000, 1000), GraphRoutes::signInJson);
  }

  private static JsonNode signInJson(SignInEvent e) {
    ObjectNode s = GraphSimulator.JSON.createObjectNode();
    s.put("id", UUID.nameUUIDFromBytes((e.createdDateTime() + "|" + e.userPrincipalName() + "|" + e.clientAppUsed())
        .getBytes(StandardCharsets.UTF_8)).toString());
    s.put("createdDateTime", DateTimeFormatter.ISO_INSTANT.format(e.createdDateTime()));
    s.put("userPrincipalName", e.userPrincipalName());
    s.put("userId", e.userId());
    s.put("appDisplayName", e.appDisplayName());
    s.put("ipAddress", e.ipAddress());
    s.put("clientAppUsed", e.clientAppUsed());
    s.put("isInteractive", e.interactive());
    ObjectNode status = s.putObject("status");
    status.put("errorCode", e.errorCode());
    status.put("failureReason", e.failureReason());
    return s;
  }
}
