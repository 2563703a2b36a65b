package io.github.m365kit.graph.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.ImmutableAuthPolicy;
import io.github.m365kit.graph.sim.GraphSimulator.Call;
import io.github.m365kit.graph.sim.GraphSimulator.Reply;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code InvokeCommand} cmdlets of {@link GraphSimulator}. */
final class ExchangeCmdlets {
  private static final Pattern PATH = Pattern.compile("^/adminapi/(beta|v1\\.0)/([^/]+)/InvokeCommand$");
  private static final Pattern MAX_PAGE = Pattern.compile("odata\\.maxpagesize=(\\d+)");

  private final InMemoryTenant tenant;
  private final GraphSimulator sim;
  private final InsightsRoutes insights;

  ExchangeCmdlets(InMemoryTenant tenant, GraphSimulator sim) {
    this.tenant = tenant;
    this.sim = sim;
    this.insights = new InsightsRoutes(tenant, sim);
  }

  Reply handle(Call c) {
    Matcher pm = PATH.matcher(c.path());
    if (!pm.matches() || !c.method().equals("POST")) {
      return new Reply(404, GraphSimulator.errorBody("NotFound", "The simulator serves POST /adminapi/beta/{tenant}/InvokeCommand only, not "
          + c.method() + " " + c.path()), Map.of());
    }
    if (!pm.group(2).equalsIgnoreCase(tenant.name())) {
      return new Reply(404, GraphSimulator.errorBody("TenantNotFound", "Tenant '" + pm.group(2) + "' is not served here (this is "
          + tenant.name() + ")."), Map.of());
    }
    JsonNode input = c.body().path("CmdletInput");
    String cmdlet = input.path("CmdletName").asText("");
    JsonNode p = input.path("Parameters");
    Params params = new Params(cmdlet, p.isObject() ? (ObjectNode) p : GraphSimulator.JSON.createObjectNode());
    List<JsonNode> out = switch (cmdlet.toLowerCase(Locale.ROOT)) {
      case "get-mailbox" -> List.of(mailboxJson(mailbox(params.required("Identity"))));
      case "get-mailboxstatistics" -> List.of(statistics(mailbox(params.required("Identity"))));
      case "set-mailbox" -> setMailbox(params);
      case "disable-ummailbox" -> {
        params.allow("Identity", "Confirm");
        tenant.disableUnifiedMessaging(mailbox(params.required("Identity")).primarySmtpAddress());
        yield List.of();
      }
      case "get-mailboxpermission" -> permissions(mailbox(params.required("Identity")));
      case "add-mailboxpermission" -> {
        params.allow("Identity", "User", "AccessRights", "InheritanceType", "AutoMapping");
        requireFullAccess(params);
        Mailbox m = mailbox(params.required("Identity"));
        tenant.grantFullAccess(m.primarySmtpAddress(), Upn.of(params.required("User")), params.bool("AutoMapping", true));
        yield List.of();
      }
      case "remove-mailboxpermission" -> {
        params.allow("Identity", "User", "AccessRights", "InheritanceType", "Confirm");
        requireFullAccess(params);
        Mailbox m = mailbox(params.required("Identity"));
        tenant.revokeFullAccess(m.primarySmtpAddress(), Upn.of(params.required("User")));
        yield List.of();
      }
      case "new-authenticationpolicy" -> {
        String name = params.required("Name");
        params.allowSwitches("Name");
        ImmutableAuthPolicy.Builder b = AuthPolicy.builder().name(name);
        for (BasicAuthProtocol protocol : BasicAuthProtocol.values()) {
          if (params.bool(protocol.parameter(), false)) {
            b.addAllowBasicAuth(protocol);
          }
        }
        AuthPolicy created = b.build();
        tenant.create(created);
        yield List.of(policyJson(created));
      }
      case "get-authenticationpolicy" -> {
        params.allow("Identity");
        Optional<String> id = params.optional("Identity");
        if (id.isPresent()) {
          yield List.of(policyJson(tenant.find(id.get()).orElseThrow(() -> notFound(id.get()))));
        }
        yield tenant.list().stream().<JsonNode>map(ExchangeCmdlets::policyJson).toList();
      }
      case "set-authenticationpolicy" -> {
        String name = params.required("Identity");
        params.allowSwitches("Identity");
        AuthPolicy old = tenant.find(name).orElseThrow(() -> notFound(name));
        ImmutableAuthPolicy.Builder b = AuthPolicy.builder().name(old.name());
        for (BasicAuthProtocol protocol : BasicAuthProtocol.values()) {
          if (params.bool(protocol.parameter(), old.allows(protocol))) {
            b.addAllowBasicAuth(protocol);
          }
        }
        tenant.update(b.build());
        yield List.of();
      }
      case "remove-authenticationpolicy" -> {
        params.allow("Identity", "Confirm");
        tenant.delete(params.required("Identity"));
        yield List.of();
      }
      case "get-user" -> getUser(params);
      case "set-user" -> setUser(params);
      case "get-organizationconfig" -> {
        params.allow();
        ObjectNode o = GraphSimulator.JSON.createObjectNode();
        o.put("Name", tenant.name());
        o.put("DefaultAuthenticationPolicy", tenant.orgDefault().orElse(null));
        yield List.of(o);
      }
      case "set-organizationconfig" -> {
        params.allow("DefaultAuthenticationPolicy");
        if (!params.has("DefaultAuthenticationPolicy")) {
          throw new InvalidInputException("Set-OrganizationConfig", "", "the simulator only sets DefaultAuthenticationPolicy");
        }
        tenant.setOrgDefault(params.optional("DefaultAuthenticationPolicy"));
        yield List.of();
      }
      case "get-myanalyticsfeatureconfig", "set-myanalyticsfeatureconfig", "get-defaulttenantmyanalyticsfeatureconfig",
          "set-defaulttenantmyanalyticsfeatureconfig" -> insights.cmdlet(cmdlet, params.node);
      default -> throw new InvalidInputException("CmdletName", cmdlet,
          "The term '" + cmdlet + "' is not recognized as the name of a cmdlet the simulator serves.");
    };
    return page(c, out);
  }

  private Reply page(Call c, List<JsonNode> all) {
    int size = 1000;
    String prefer = c.header("Prefer");
    if (prefer != null) {
      Matcher m = MAX_PAGE.matcher(prefer);
      if (m.find()) {
        size = Math.max(1, Math.min(1000, Integer.parseInt(m.group(1))));
      }
    }
    size = Math.min(size, sim.maxPageSize());
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
    r.put("@odata.context", sim.root() + "/adminapi/beta/" + tenant.name() + "/$metadata#Collection(Exchange.GenericHashTable)");
    r.putNull("@adminapi.warnings");
    ArrayNode value = r.putArray("value");
    int end = Math.min(all.size(), offset + size);
    for (int i = offset; i < end; i++) {
      value.add(all.get(i));
    }
    if (end < all.size()) {
      r.put("@odata.nextLink", sim.root() + c.path() + "?$skiptoken=" + end);
    }
    return Reply.ok(r);
  }

  private static NotFoundException notFound(String identity) {
    return new NotFoundException("object", identity, "The operation couldn't be performed because object '" + identity + "' couldn't be found.");
  }

  private Mailbox mailbox(String identity) {
    Optional<Mailbox> m = Optional.empty();
    if (identity.contains("@")) {
      m = tenant.find(SmtpAddress.of(identity));
      if (m.isEmpty()) {
        m = tenant.findByUpn(Upn.of(identity));
      }
    }
    return m.orElseThrow(() -> new NotFoundException("mailbox", identity, "The operation couldn't be performed because object '"
        + identity + "' couldn't be found on '" + tenant.name() + "'."));
  }

  private static ObjectNode mailboxJson(Mailbox m) {
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("Identity", m.alias());
    o.put("Name", m.alias());
    o.put("Alias", m.alias());
    o.put("DisplayName", m.displayName());
    o.put("PrimarySmtpAddress", m.primarySmtpAddress().value());
    o.put("UserPrincipalName", m.userPrincipalName().value());
    o.put("RecipientTypeDetails", m.type().cloudRecipientType().known().map(k -> k.exchangeName()).orElse("UserMailbox"));
    o.put("ExchangeGuid", m.exchangeGuid().toString());
    o.put("ArchiveStatus", m.archiveEnabled() ? "Active" : "None");
    o.put("LitigationHoldEnabled", m.litigationHoldEnabled());
    o.put("UMEnabled", m.umEnabled());
    o.put("IsDirSynced", m.dirSynced());
    ArrayNode holds = o.putArray("InPlaceHolds");
    m.inPlaceHolds().forEach(holds::add);
    ArrayNode addresses = o.putArray("EmailAddresses");
    m.emailAddresses().forEach(addresses::add);
    if (m.umExtension().isPresent() && m.emailAddresses().stream().noneMatch(a -> a.regionMatches(true, 0, "EUM:", 0, 4))) {
      addresses.add("EUM:" + m.umExtension().get() + ";phone-context=simulator.dialplan");
    }
    return o;
  }

  private static ObjectNode statistics(Mailbox m) {
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("DisplayName", m.displayName());
    o.put("MailboxGuid", m.exchangeGuid().toString());
    long b = m.totalItemSizeBytes();
    o.put("TotalItemSize", String.format(Locale.ROOT, "%.1f GB (%,d bytes)", b / (double) (1L << 30), b));
    o.put("ItemCount", 0);
    return o;
  }

  private List<JsonNode> setMailbox(Params params) {
    params.allow("Identity", "Type");
    String type = params.required("Type");
    MailboxType target = null;
    for (MailboxType t : MailboxType.values()) {
      if (t.cmdletType().equalsIgnoreCase(type)) {
        target = t;
      }
    }
    if (target == null) {
      throw new InvalidInputException("Type", type, "expected Regular, Shared, Room or Equipment");
    }
    tenant.setType(mailbox(params.required("Identity")).primarySmtpAddress(), target);
    return List.of();
  }

  private static void requireFullAccess(Params params) {
    JsonNode rights = params.node("AccessRights");
    boolean full = false;
    if (rights != null) {
      for (JsonNode r : rights.isArray() ? rights : GraphSimulator.JSON.createArrayNode().add(rights)) {
        full |= r.asText("").equalsIgnoreCase("FullAccess");
      }
    }
    if (!full) {
      throw new InvalidInputException("AccessRights", String.valueOf(rights), "the simulator handles FullAccess only");
    }
  }

  private List<JsonNode> permissions(Mailbox m) {
    List<JsonNode> out = new ArrayList<>();
    ObjectNode self = GraphSimulator.JSON.createObjectNode();
    self.put("Identity", m.alias());
    self.put("User", "NT AUTHORITY\\SELF");
    self.putArray("AccessRights").add("FullAccess, ReadPermission");
    self.put("IsInherited", false);
    self.put("Deny", false);
    out.add(self);
    for (MailboxPermission p : tenant.fullAccess(m.primarySmtpAddress())) {
      ObjectNode o = GraphSimulator.JSON.createObjectNode();
      o.put("Identity", m.alias());
      o.put("User", p.trustee().value());
      o.putArray("AccessRights").add("FullAccess");
      o.put("IsInherited", false);
      o.put("Deny", false);
      o.put("InheritanceType", "All");
      out.add(o);
    }
    return out;
  }

  private static ObjectNode policyJson(AuthPolicy p) {
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("Identity", p.name());
    o.put("Name", p.name());
    for (BasicAuthProtocol protocol : BasicAuthProtocol.values()) {
      o.put(protocol.parameter(), p.allows(protocol));
    }
    return o;
  }

  private List<JsonNode> getUser(Params params) {
    params.allow("Identity", "ResultSize");
    Optional<String> id = params.optional("Identity");
    if (id.isPresent()) {
      Upn upn = Upn.of(id.get());
      Optional<String> policy = tenant.assigned(upn);
      return List.of(userJson(upn, policy));
    }
    Map<Upn, String> held = new HashMap<>();
    for (AuthPolicy p : tenant.list()) {
      for (Upn u : tenant.usersWith(p.name())) {
        held.put(u, p.name());
      }
    }
    List<JsonNode> out = new ArrayList<>();
    List<CloudUser> users = new ArrayList<>();
    tenant.forEachUser(users::add);
    for (CloudUser u : users) {
      out.add(userJson(u.userPrincipalName(), Optional.ofNullable(held.get(u.userPrincipalName()))));
    }
    return out;
  }

  private ObjectNode userJson(Upn upn, Optional<String> policy) {
    ObjectNode o = GraphSimulator.JSON.createObjectNode();
    o.put("Identity", upn.localPart());
    o.put("UserPrincipalName", upn.value());
    o.put("AuthenticationPolicy", policy.orElse(null));
    o.put("STSRefreshTokensValidFrom", tenant.refreshTokensValidFrom(upn).map(Instant::toString).orElse(null));
    return o;
  }

  private List<JsonNode> setUser(Params params) {
    params.allow("Identity", "AuthenticationPolicy", "STSRefreshTokensValidFrom");
    Upn upn = Upn.of(params.required("Identity"));
    boolean any = false;
    if (params.has("AuthenticationPolicy")) {
      tenant.assign(upn, params.optional("AuthenticationPolicy"));
      any = true;
    }
    if (params.has("STSRefreshTokensValidFrom")) {
      String v = params.required("STSRefreshTokensValidFrom");
      try {
        tenant.refreshTokens(upn, Instant.parse(v));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("STSRefreshTokensValidFrom", v, "it is not an ISO instant");
      }
      any = true;
    }
    if (!any) {
      throw new InvalidInputException("Set-User", upn.value(), "the simulator sets AuthenticationPolicy or STSRefreshTokensValidFrom only");
    }
    return List.of();
  }

  /** The Parameters object of a cmdlet, case-insensitive like PowerShell. */
  private static final class Params {
    private final String cmdlet;
    private final Map<String, JsonNode> byName = new HashMap<>();
    final ObjectNode node;

    Params(String cmdlet, ObjectNode node) {
      this.cmdlet = cmdlet;
      this.node = node;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        byName.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
    }

    boolean has(String name) {
      return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    JsonNode node(String name) {
      return byName.get(name.toLowerCase(Locale.ROOT));
    }

    Optional<String> optional(String name) {
      JsonNode n = node(name);
      return n == null || n.isNull() || n.asText("").isEmpty() ? Optional.empty() : Optional.of(n.asText());
    }

    String required(String name) {
      return optional(name).orElseThrow(() -> new InvalidInputException(name, "", cmdlet + ": the parameter -" + name + " is missing"));
    }

    boolean bool(String name, boolean dflt) {
      JsonNode n = node(name);
      if (n == null || n.isNull()) {
        return dflt;
      }
      return n.isBoolean() ? n.booleanValue() : "true".equalsIgnoreCase(n.asText());
    }

    /** Refuses parameters the simulator would silently ignore. */
    void allow(String... names) {
      Set<String> allowed = new LinkedHashSet<>();
      for (String n : names) {
        allowed.add(n.toLowerCase(Locale.ROOT));
      }
      for (String given : byName.keySet()) {
        if (!allowed.contains(given)) {
          throw new InvalidInputException(given, cmdlet, "A parameter cannot be found that matches parameter name '" + given
              + "' (the simulator's " + cmdlet + " takes " + String.join(", ", names) + ")");
        }
      }
    }

    void allowSwitches(String name) {
      List<String> names = new ArrayList<>();
      names.add(name);
      for (BasicAuthProtocol p : BasicAuthProtocol.values()) {
        names.add(p.parameter());
      }
      allow(names.toArray(String[]::new));
    }
  }
}
