package io.github.m365kit.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes the whole state of an {@link InMemoryTenant} as {@code tenant.json}, so that a scenario is data a
 * user can write by hand. The format (every field but the names optional):
 *
 * <pre>{@code
 * {
 *   "tenant": "contoso.onmicrosoft.com",
 *   "now": "2026-11-28T09:00:00Z",                      // the simulated clock
 *   "users": [ { "id": "<guid>", "userPrincipalName": "jane.doe@contoso.com", "displayName": "Jane Doe",
 *                "mail": "jane.doe@contoso.com", "accountEnabled": true, "onPremisesSyncEnabled": true,
 *                "onPremisesDistinguishedName": "CN=Jane Doe,OU=Staff,DC=contoso,DC=com", "userType": "Member",
 *                "department": "Sales", "jobTitle": "…", "country": "…", "usageLocation": "AU",
 *                "signInSessionsValidFromDateTime": "<instant>",
 *                "licenses": ["ENTERPRISEPACK", {"skuId": "<guid>", "skuPartNumber": "X", "exchangePlan": "PLAN_1",
 *                              "archive": false, "unifiedMessaging": false}],
 *                "otherProperties": {"onPremisesExtensionAttributes.extensionAttribute1": "…"} } ],
 *   "mailboxes": [ { "primarySmtpAddress": "jane.doe@contoso.com", "userPrincipalName": "jane.doe@contoso.com",
 *                    "alias": "jane.doe", "type": "User|Shared|Room|Equipment", "totalItemSizeBytes": 12884901888,
 *                    "archiveEnabled": false, "litigationHoldEnabled": false, "inPlaceHolds": [],
 *                    "umEnabled": false, "umExtension": "4123", "exchangeGuid": "<guid>", "dirSynced": true,
 *                    "emailAddresses": ["SMTP:jane.doe@contoso.com"], "unlicensedSince": "<instant>",
 *                    "fullAccess": [{"trustee": "admin@contoso.onmicrosoft.com", "autoMapping": false}] } ],
 *   "disconnectedMailboxes": {"<upn>": "<instant>"},
 *   "authenticationPolicies": [ { "name": "Block Basic Auth", "allowBasicAuth": ["Smtp"] } ],
 *   "policyAssignments": {"<upn>": "<policy name>"},
 *   "defaultAuthenticationPolicy": "Block Basic Auth",
 *   "refreshTokensValidFrom": {"<upn>": "<instant>"},
 *   "groups": [ { "id": "<guid>", "displayName": "Finance", "mailNickname": "finance", "microsoft365": true,
 *                 "membershipRule": "user.department -eq \"Finance\"", "paused": false, "frozenMembers": [] } ],
 *   "conditionalAccessPolicies": [ { "id": "<guid>", "displayName": "Block legacy authentication",
 *                 "state": "enabledForReportingButNotEnforced", "clientAppTypes": ["exchangeActiveSync", "other"],
 *                 "includeApplications": ["All"], "users": {"includeUsers": ["All"], "excludeUsers": ["<guid>"],
 *                 "includeGroups": [], "excludeGroups": []}, "grantControls": {"operator": "OR",
 *                 "builtInControls": ["block"]}, "sessionControls": false } ],
 *   "insights": { "tenantDefaults": { "privacyMode": "opt-in", "features": {"DIGEST_EMAIL": true, "WEEKLY_INSIGHTS_EMAIL": false} },
 *                 "users": {"<upn>": {"privacyMode": "opt-out", "features": {"dashboard": false}}},
 *                 "itemInsights": {"isEnabledInOrganization": true, "disabledForGroupId": "<guid>"},
 *                 "itemInsightsUsers": {"<upn>": false} },
 *   "signIns": [ { "createdDateTime": "…", "userPrincipalName": "…", "userId": "…", "clientAppUsed": "IMAP4",
 *                  "status": {"errorCode": 0, "failureReason": ""}, "ipAddress": "…", "appDisplayName": "…",
 *                  "isInteractive": true } ]
 * }
 * }</pre>
 * Licenses are named by a known SKU part number (see {@link License#known()}) or given in full. Sign-ins use the
 * Graph {@code signIn} field names. Stateless and thread-safe.
 */
public final class TenantJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TenantJson() {}

  /**
   * @param file a tenant.json
   * @return the tenant, on a {@link SimulatedClock} at the file's {@code now} (or the current time)
   * @throws InvalidInputException when the file is not valid tenant JSON; the message names the field
   */
  public static InMemoryTenant load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InvalidInputException("tenant file", file.toString(), "it is not UTF-8 text");
    } catch (IOException e) {
      throw new BackendException("file", "io", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param tenant the tenant
   * @param file where to write
   */
  public static void save(InMemoryTenant tenant, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, write(tenant), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BackendException("file", "io", "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param json tenant JSON text
   * @return the tenant
   * @throws InvalidInputException when the text is not valid tenant JSON
   */
  public static InMemoryTenant parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("tenant JSON", json.length() > 60 ? json.substring(0, 60) : json,
          "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException("tenant JSON", String.valueOf(root), "expected an object at the top");
    }
    try {
      Instant now = root.hasNonNull("now") ? Instant.parse(root.get("now").asText()) : Clock.systemUTC().instant();
      InMemoryTenant t = new InMemoryTenant(text(root, "tenant").orElse("contoso.onmicrosoft.com"), new SimulatedClock(now));
      synchronized (t) {
        for (JsonNode u : root.path("users")) {
          t.addUser(user(u));
        }
        for (JsonNode m : root.path("mailboxes")) {
          Mailbox mb = mailbox(m);
          t.addMailbox(mb);
          text(m, "unlicensedSince").ifPresent(s -> t.unlicensedSince.put(mb.userPrincipalName(), Instant.parse(s)));
          List<MailboxPermission> perms = new ArrayList<>();
          for (JsonNode p : m.path("fullAccess")) {
            perms.add(new MailboxPermission(Upn.of(req(p, "trustee")), p.path("autoMapping").asBoolean(true)));
          }
          if (!perms.isEmpty()) {
            t.fullAccess.put(mb.userPrincipalName(), perms);
          }
        }
        root.path("disconnectedMailboxes").fields().forEachRemaining(e -> t.disconnected.put(Upn.of(e.getKey()), Instant.parse(e.getValue().asText())));
        for (JsonNode p : root.path("authenticationPolicies")) {
          io.github.m365kit.auth.ImmutableAuthPolicy.Builder b = AuthPolicy.builder().name(req(p, "name"));
          for (JsonNode a : p.path("allowBasicAuth")) {
            b.addAllowBasicAuth(BasicAuthProtocol.fromParameter(a.asText()));
          }
          t.create(b.build());
        }
        root.path("policyAssignments").fields().forEachRemaining(e -> t.assign(Upn.of(e.getKey()), Optional.of(e.getValue().asText())));
        text(root, "defaultAuthenticationPolicy").ifPresent(p -> t.setOrgDefault(Optional.of(p)));
        root.path("refreshTokensValidFrom").fields().forEachRemaining(e -> t.refreshTokensValidFrom.put(Upn.of(e.getKey()), Instant.parse(e.getValue().asText())));
        for (JsonNode g : root.path("groups")) {
          ObjectId gid = ObjectId.of(req(g, "id"));
          t.groups.put(gid, new io.github.m365kit.spi.GroupStore.DynamicGroup(Optional.of(gid), req(g, "displayName"), req(g, "mailNickname"),
              g.path("microsoft365").asBoolean(true), req(g, "membershipRule"), g.path("paused").asBoolean(false)));
          List<Upn> frozen = new ArrayList<>();
          for (JsonNode m : g.path("frozenMembers")) {
            frozen.add(Upn.of(m.asText()));
          }
          if (g.path("paused").asBoolean(false)) {
            t.frozenMembers.put(gid, frozen);
          }
        }
        for (JsonNode c : root.path("conditionalAccessPolicies")) {
          io.github.m365kit.auth.ConditionalAccessPolicy p = caPolicy(c);
          t.caPolicies.put(p.id().orElseThrow(), p);
        }
        if (root.has("insights")) {
          insights(root.get("insights"), t.insights());
        }
        List<SignInEvent> events = new ArrayList<>();
        for (JsonNode s : root.path("signIns")) {
          events.add(signIn(s));
        }
        t.addSignIns(events);
      }
      return t;
    } catch (M365KitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException("tenant JSON", "", "bad value: " + e.getMessage());
    }
  }

  /**
   * Parses one Graph {@code signIn} object.
   *
   * @param s the JSON object
   * @return the event
   */
  public static SignInEvent signIn(JsonNode s) {
    return new SignInEvent(Instant.parse(req(s, "createdDateTime")), s.path("userPrincipalName").asText(""), s.path("userId").asText(""),
        s.path("clientAppUsed").asText(""), s.path("status").path("errorCode").asInt(0), s.path("status").path("failureReason").asText(""),
        s.path("ipAddress").asText(""), s.path("appDisplayName").asText(""), s.path("isInteractive").asBoolean(true));
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  private static String req(JsonNode n, String field) {
    return text(n, field).orElseThrow(() -> new InvalidInputException("tenant JSON", n.toString(), "missing field '" + field + "'"));
  }

  private static CloudUser user(JsonNode u) {
    Upn upn = Upn.of(req(u, "userPrincipalName"));
    io.github.m365kit.model.ImmutableCloudUser.Builder b = CloudUser.builder()
        .id(text(u, "id").map(ObjectId::of).orElse(new ObjectId(DemoCast.guid("aad:" + upn))))
        .userPrincipalName(upn)
        .accountEnabled(u.path("accountEnabled").asBoolean(true))
        .onPremisesSyncEnabled(u.path("onPremisesSyncEnabled").asBoolean(false))
        .userType("guest".equalsIgnoreCase(u.path("userType").asText("Member")) ? UserType.GUEST : UserType.MEMBER);
    text(u, "displayName").ifPresent(b::displayName);
    text(u, "mail").map(SmtpAddress::of).ifPresent(b::mail);
    text(u, "onPremisesDistinguishedName").ifPresent(b::onPremisesDistinguishedName);
    text(u, "department").ifPresent(b::department);
    text(u, "jobTitle").ifPresent(b::jobTitle);
    text(u, "country").ifPresent(b::country);
    text(u, "usageLocation").ifPresent(b::usageLocation);
    text(u, "signInSessionsValidFromDateTime").map(Instant::parse).ifPresent(b::signInSessionsValidFrom);
    for (JsonNode l : u.path("licenses")) {
      b.addLicenses(license(l));
    }
    u.path("otherProperties").fields().forEachRemaining(e -> b.putOtherProperties(e.getKey(), e.getValue().asText()));
    return b.build();
  }

  private static License license(JsonNode l) {
    if (l.isTextual()) {
      String part = l.asText();
      return License.known().stream().filter(k -> k.skuPartNumber().equalsIgnoreCase(part)).findFirst()
          .orElseThrow(() -> new InvalidInputException("license", part, "unknown SKU part number; give the license in full with skuId and exchangePlan"));
    }
    return new License(UUID.fromString(req(l, "skuId")), req(l, "skuPartNumber"),
        License.ExchangePlan.valueOf(l.path("exchangePlan").asText("NONE").toUpperCase(Locale.ROOT)), l.path("archive").asBoolean(false),
        l.path("unifiedMessaging").asBoolean(false));
  }

  private static Mailbox mailbox(JsonNode m) {
    String type = m.path("type").asText("User");
    MailboxType mt = "regular".equalsIgnoreCase(type) || "user".equalsIgnoreCase(type) ? MailboxType.USER : MailboxType.valueOf(type.toUpperCase(Locale.ROOT));
    Upn upn = Upn.of(req(m, "userPrincipalName"));
    io.github.m365kit.model.ImmutableMailbox.Builder b = Mailbox.builder()
        .primarySmtpAddress(SmtpAddress.of(text(m, "primarySmtpAddress").orElse(upn.value())))
        .userPrincipalName(upn)
        .alias(text(m, "alias").orElse(upn.localPart()))
        .type(mt)
        .totalItemSizeBytes(m.path("totalItemSizeBytes").asLong(0))
        .archiveEnabled(m.path("archiveEnabled").asBoolean(false))
        .litigationHoldEnabled(m.path("litigationHoldEnabled").asBoolean(false))
        .umEnabled(m.path("umEnabled").asBoolean(false))
        .exchangeGuid(text(m, "exchangeGuid").map(UUID::fromString).orElse(DemoCast.guid("mbx:" + upn)))
        .dirSynced(m.path("dirSynced").asBoolean(false));
    text(m, "displayName").ifPresent(b::displayName);
    text(m, "umExtension").ifPresent(b::umExtension);
    for (JsonNode h : m.path("inPlaceHolds")) {
      b.addInPlaceHolds(h.asText());
    }
    for (JsonNode e : m.path("emailAddresses")) {
      b.addEmailAddresses(e.asText());
    }
    return b.build();
  }

  /**
   * @param t the tenant
   * @return its state as tenant JSON
   */
  public static String write(InMemoryTenant t) {
    ObjectNode root = JSON.createObjectNode();
    synchronized (t) {
      root.put("tenant", t.name());
      root.put("now", t.clock().instant().toString());
      ArrayNode users = root.putArray("users");
      for (CloudUser u : t.users.values()) {
        ObjectNode n = users.addObject();
        n.put("id", u.id().toString());
        n.put("userPrincipalName", u.userPrincipalName().value());
        n.put("displayName", u.displayName());
        u.mail().ifPresent(x -> n.put("mail", x.value()));
        n.put("accountEnabled", u.accountEnabled());
        n.put("onPremisesSyncEnabled", u.onPremisesSyncEnabled());
        u.onPremisesDistinguishedName().ifPresent(x -> n.put("onPremisesDistinguishedName", x));
        n.put("userType", u.userType() == UserType.GUEST ? "Guest" : "Member");
        u.department().ifPresent(x -> n.put("department", x));
        u.jobTitle().ifPresent(x -> n.put("jobTitle", x));
        u.country().ifPresent(x -> n.put("country", x));
        u.usageLocation().ifPresent(x -> n.put("usageLocation", x));
        u.signInSessionsValidFrom().ifPresent(x -> n.put("signInSessionsValidFromDateTime", x.toString()));
        ArrayNode lic = n.putArray("licenses");
        for (License l : u.licenses()) {
          if (License.known().contains(l)) {
            lic.add(l.skuPartNumber());
          } else {
            lic.addObject().put("skuId", l.skuId().toString()).put("skuPartNumber", l.skuPartNumber()).put("exchangePlan", l.exchangePlan().name())
                .put("archive", l.archive()).put("unifiedMessaging", l.unifiedMessaging());
          }
        }
        if (!u.otherProperties().isEmpty()) {
          ObjectNode o = n.putObject("otherProperties");
          u.otherProperties().forEach(o::put);
        }
      }
      ArrayNode mbs = root.putArray("mailboxes");
      for (Mailbox m : t.mailboxes.values()) {
        ObjectNode n = mbs.addObject();
        n.put("primarySmtpAddress", m.primarySmtpAddress().value());
        n.put("userPrincipalName", m.userPrincipalName().value());
        n.put("alias", m.alias());
        n.put("displayName", m.displayName());
        n.put("type", m.type() == MailboxType.USER ? "User" : m.type().cmdletType());
        n.put("totalItemSizeBytes", m.totalItemSizeBytes());
        n.put("archiveEnabled", m.archiveEnabled());
        n.put("litigationHoldEnabled", m.litigationHoldEnabled());
        ArrayNode holds = n.putArray("inPlaceHolds");
        m.inPlaceHolds().forEach(holds::add);
        n.put("umEnabled", m.umEnabled());
        m.umExtension().ifPresent(x -> n.put("umExtension", x));
        n.put("exchangeGuid", m.exchangeGuid().toString());
        n.put("dirSynced", m.dirSynced());
        ArrayNode ea = n.putArray("emailAddresses");
        m.emailAddresses().forEach(ea::add);
        Instant since = t.unlicensedSince.get(m.userPrincipalName());
        if (since != null) {
          n.put("unlicensedSince", since.toString());
        }
        List<MailboxPermission> perms = t.fullAccess.getOrDefault(m.userPrincipalName(), List.of());
        if (!perms.isEmpty()) {
          ArrayNode fa = n.putArray("fullAccess");
          perms.forEach(p -> fa.addObject().put("trustee", p.trustee().value()).put("autoMapping", p.autoMapping()));
        }
      }
      if (!t.disconnected.isEmpty()) {
        ObjectNode d = root.putObject("disconnectedMailboxes");
        t.disconnected.forEach((k, v) -> d.put(k.value(), v.toString()));
      }
      ArrayNode pol = root.putArray("authenticationPolicies");
      for (AuthPolicy p : t.policies.values()) {
        ObjectNode n = pol.addObject().put("name", p.name());
        ArrayNode a = n.putArray("allowBasicAuth");
        p.allowBasicAuth().stream().sorted().forEach(x -> a.add(x.parameter()));
      }
      ObjectNode asg = root.putObject("policyAssignments");
      t.policyAssignments.forEach((k, v) -> asg.put(k.value(), v));
      if (t.orgDefaultPolicy != null) {
        root.put("defaultAuthenticationPolicy", t.orgDefaultPolicy);
      }
      ObjectNode rt = root.putObject("refreshTokensValidFrom");
      t.refreshTokensValidFrom.forEach((k, v) -> rt.put(k.value(), v.toString()));
      if (!t.groups.isEmpty()) {
        ArrayNode groups = root.putArray("groups");
        t.groups.forEach((gid, g) -> {
          ObjectNode n = groups.addObject().put("id", gid.toString()).put("displayName", g.displayName()).put("mailNickname", g.mailNickname())
              .put("microsoft365", g.microsoft365()).put("membershipRule", g.membershipRule()).put("paused", g.paused());
          ArrayNode frozen = n.putArray("frozenMembers");
          t.frozenMembers.getOrDefault(gid, List.of()).forEach(u -> frozen.add(u.value()));
        });
      }
      if (!t.caPolicies.isEmpty()) {
        ArrayNode ca = root.putArray("conditionalAccessPolicies");
        t.caPolicies.values().forEach(p -> caPolicy(ca.addObject(), p));
      }
      insights(root.putObject("insights"), t.insights());
      ArrayNode si = root.putArray("signIns");
      for (SignInEvent e : t.signIns) {
        ObjectNode n = si.addObject();
        n.put("createdDateTime", e.createdDateTime().toString());
        n.put("userPrincipalName", e.userPrincipalName());
        n.put("userId", e.userId());
        n.put("clientAppUsed", e.clientAppUsed());
        n.putObject("status").put("errorCode", e.errorCode()).put("failureReason", e.failureReason());
        n.put("ipAddress", e.ipAddress());
        n.put("appDisplayName", e.appDisplayName());
        n.put("isInteractive", e.interactive());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** MyAnalytics / Viva Insights and item-insights settings: tenant defaults, per-user overrides, item insights. */
  private static void insights(ObjectNode n, InMemoryInsightsStore store) {
    TenantInsightsDefaults d = store.savedDefaults();
    ObjectNode defaults = n.putObject("tenantDefaults");
    defaults.put("privacyMode", d.defaultPrivacyMode().cmdletValue());
    ObjectNode features = defaults.putObject("features");
    for (TenantFeature f : TenantFeature.values()) {
      features.put(f.name(), d.isEnabled(f));
    }
    ObjectNode users = n.putObject("users");
    for (UserInsightsOverrides o : store.savedUsers()) {
      ObjectNode u = users.putObject(o.user().value());
      o.privacyMode().ifPresent(m -> u.put("privacyMode", m.cmdletValue()));
      ObjectNode uf = u.putObject("features");
      o.features().forEach((f, on) -> uf.put(f.cmdletValue(), on));
    }
    ItemInsightsOrgSettings org = store.savedItemInsightsOrg();
    ObjectNode item = n.putObject("itemInsights").put("isEnabledInOrganization", org.isEnabledInOrganization());
    org.disabledForGroup().ifPresent(g -> item.put("disabledForGroupId", g));
    ObjectNode itemUsers = n.putObject("itemInsightsUsers");
    store.savedItemInsightsUsers().forEach((u, on) -> itemUsers.put(u.value(), on));
  }

  private static void insights(JsonNode n, InMemoryInsightsStore store) {
    TenantInsightsDefaults d = TenantInsightsDefaults.microsoftDefaults();
    JsonNode defaults = n.path("tenantDefaults");
    if (defaults.hasNonNull("privacyMode")) {
      d = d.with(PrivacyMode.parse(defaults.get("privacyMode").asText()));
    }
    for (Map.Entry<String, JsonNode> e : iterable(defaults.path("features"))) {
      d = d.with(TenantFeature.parse(e.getKey()), bool(e.getValue(), "insights tenant default " + e.getKey()));
    }
    List<UserInsightsOverrides> users = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : iterable(n.path("users"))) {
      UserInsightsOverrides o = UserInsightsOverrides.none(Upn.of(e.getKey()));
      if (e.getValue().hasNonNull("privacyMode")) {
        o = o.withPrivacyMode(PrivacyMode.parse(e.getValue().get("privacyMode").asText()));
      }
      for (Map.Entry<String, JsonNode> f : iterable(e.getValue().path("features"))) {
        o = o.withFeature(UserFeature.parse(f.getKey()), bool(f.getValue(), "insights feature " + f.getKey() + " of " + e.getKey()));
      }
      users.add(o);
    }
    JsonNode item = n.path("itemInsights");
    ItemInsightsOrgSettings org = item.isMissingNode() ? ItemInsightsOrgSettings.defaults()
        : new ItemInsightsOrgSettings(bool(item.path("isEnabledInOrganization"), "itemInsights.isEnabledInOrganization"),
            item.hasNonNull("disabledForGroupId") ? Optional.of(item.get("disabledForGroupId").asText()) : Optional.empty());
    Map<Upn, Boolean> itemUsers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : iterable(n.path("itemInsightsUsers"))) {
      itemUsers.put(Upn.of(e.getKey()), bool(e.getValue(), "itemInsightsUsers." + e.getKey()));
    }
    store.restore(d, users, org, itemUsers);
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
    return n::fields;
  }

  private static boolean bool(JsonNode v, String what) {
    if (!v.isBoolean()) {
      throw new InvalidInputException("tenant JSON", String.valueOf(v), what + " must be true or false");
    }
    return v.booleanValue();
  }

  private static io.github.m365kit.auth.ConditionalAccessPolicy caPolicy(JsonNode c) {
    String id = ObjectId.of(req(c, "id")).toString();
    java.util.Set<io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType> types = new java.util.LinkedHashSet<>();
    c.path("clientAppTypes").forEach(x -> types.add(io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType.parse(x.asText())));
    JsonNode u = c.path("users");
    JsonNode g = c.path("grantControls");
    Optional<io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls> grant = g.isObject()
        ? Optional.of(new io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls(g.path("operator").asText("OR"), strings(g.path("builtInControls"))))
        : Optional.empty();
    return new io.github.m365kit.auth.ConditionalAccessPolicy(Optional.of(id), req(c, "displayName"),
        io.github.m365kit.auth.ConditionalAccessPolicy.State.parse(req(c, "state")), types, strings(c.path("includeApplications")),
        new io.github.m365kit.auth.ConditionalAccessPolicy.Users(strings(u.path("includeUsers")), strings(u.path("excludeUsers")),
            strings(u.path("includeGroups")), strings(u.path("excludeGroups"))),
        grant, c.path("sessionControls").asBoolean(false));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static void caPolicy(ObjectNode n, io.github.m365kit.auth.ConditionalAccessPolicy p) {
    n.put("id", p.id().orElseThrow()).put("displayName", p.displayName()).put("state", p.state().graphValue());
    ArrayNode types = n.putArray("clientAppTypes");
    p.clientAppTypes().stream().sorted().forEach(t -> types.add(t.graphValue()));
    p.includeApplications().forEach(n.putArray("includeApplications")::add);
    ObjectNode u = n.putObject("users");
    p.users().includeUsers().forEach(u.putArray("includeUsers")::add);
    p.users().excludeUsers().forEach(u.putArray("excludeUsers")::add);
    p.users().includeGroups().forEach(u.putArray("includeGroups")::add);
    p.users().excludeGroups().forEach(u.putArray("excludeGroups")::add);
    p.grantControls().ifPresent(g -> {
      ObjectNode gn = n.putObject("grantControls").put("operator", g.operator());
      g.builtInControls().forEach(gn.putArray("builtInControls")::add);
    });
    n.put("sessionControls", p.sessionControls());
  }
}
