package io.github.m365kit.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.graph.models.InsightsSettings;
import com.microsoft.graph.models.UserInsightsSettings;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.InsightsStore;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link InsightsStore} on two services.
 *
 * <p><b>Graph item insights</b> (Graph v1.0, through the SDK): {@code GET/PATCH /admin/people/itemInsights}
 * ({@code isEnabledInOrganization}, {@code disabledForGroup}; permission {@code PeopleSettings.ReadWrite.All}) and
 * {@code GET/PATCH /users/{id}/settings/itemInsights} ({@code isEnabled}; {@code User.ReadWrite.All} for other
 * users). The org PATCH always sends both properties, {@code "disabledForGroup": null} to clear the group.
 *
 * <p><b>MyAnalytics / Viva Insights</b> (Exchange admin REST {@code InvokeCommand}, unofficial):
 * {@code Get-/Set-MyAnalyticsFeatureConfig -Identity … [-PrivacyMode opt-in|opt-out | -Feature … -IsEnabled …]},
 * anchored on the user's UPN, and {@code Get-/Set-DefaultTenantMyAnalyticsFeatureConfig -Feature … -IsEnabled …},
 * anchored on the system mailbox. <b>UNCONFIRMED: no source shows these cmdlets working through InvokeCommand</b>,
 * and the property names of {@code Get-DefaultTenantMyAnalyticsFeatureConfig}'s output are UNCONFIRMED too: this
 * class reads {@code Is<Feature>Enabled} (the pattern {@code Get-MyAnalyticsFeatureConfig} documents) and
 * {@code PrivacyMode}, and treats a missing property as the documented default (on, opt-in). Test against a tenant
 * before relying on them.
 *
 * <p>Limits: {@link TenantFeature#WEEKLY_INSIGHTS_EMAIL} and {@link TenantFeature#INLINE_SUGGESTIONS} have no
 * documented {@code -Feature} value, and the tenant default privacy mode has no documented cmdlet parameter; setting
 * them throws {@link InvalidInputException} without calling the service, and reading them reports the documented default.
 * {@code Get-MyAnalyticsFeatureConfig} returns effective values, so {@link #userConfig(Upn)} reports every value as
 * set (see {@link UserInsightsOverrides}). Thread-safe if the clients are.
 */
final class GraphInsightsStore implements InsightsStore {
  private static final Logger log = LoggerFactory.getLogger(GraphInsightsStore.class);
  private static final String KIND = "user";

  private final GraphServiceClient graph;
  private final ExchangeRestClient exo;

  GraphInsightsStore(GraphServiceClient graph, ExchangeRestClient exo) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.exo = Objects.requireNonNull(exo, "exo == null");
  }

  // ---------------------------------------------------------------- MyAnalytics (InvokeCommand, UNCONFIRMED)

  @Override
  public TenantInsightsDefaults tenantDefaults() {
    List<JsonObject> out = exo.invoke("Get-DefaultTenantMyAnalyticsFeatureConfig", Map.of(), exo.systemAnchor(),
        "tenant MyAnalytics configuration", "default");
    JsonObject o = out.isEmpty() ? new JsonObject() : out.get(0);
    EnumMap<TenantFeature, Boolean> features = new EnumMap<>(TenantFeature.class);
    for (TenantFeature f : TenantFeature.values()) {
      features.put(f, f.cmdletValue().map(v -> bool(o, property(v), true)).orElse(true));
    }
    PrivacyMode mode = string(o, "PrivacyMode").map(PrivacyMode::parse).orElse(PrivacyMode.OPT_IN);
    return new TenantInsightsDefaults(features, mode);
  }

  @Override
  public void setTenantDefault(TenantFeature feature, boolean enabled) {
    Objects.requireNonNull(feature, "feature == null");
    String value = feature.cmdletValue().orElseThrow(() -> new InvalidInputException("tenant MyAnalytics feature", feature.name(),
        feature.label() + " has no documented -Feature value of Set-DefaultTenantMyAnalyticsFeatureConfig; set it in the"
            + " Microsoft 365 admin center"));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Feature", value);
    p.put("IsEnabled", enabled);
    exo.invoke("Set-DefaultTenantMyAnalyticsFeatureConfig", p, exo.systemAnchor(), "tenant MyAnalytics configuration", value);
    log.debug("Set tenant MyAnalytics default [feature={}, enabled={}]", value, enabled);
  }

  @Override
  public void setTenantDefaultPrivacyMode(PrivacyMode mode) {
    Objects.requireNonNull(mode, "mode == null");
    throw new InvalidInputException("tenant default privacy mode", mode.cmdletValue(), "Set-DefaultTenantMyAnalyticsFeatureConfig"
        + " has no documented parameter for it; set it in the Microsoft 365 admin center");
  }

  @Override
  public UserInsightsOverrides userConfig(Upn user) {
    Objects.requireNonNull(user, "user == null");
    // Never call the cmdlet without -Identity: a $null Identity returns every user.
    List<JsonObject> out = exo.invoke("Get-MyAnalyticsFeatureConfig", Map.of("Identity", user.toString()),
        ExchangeRestClient.userAnchor(user.toString()), KIND, user.toString());
    if (out.isEmpty()) {
      return UserInsightsOverrides.none(user);
    }
    JsonObject o = out.get(0);
    Map<UserFeature, Boolean> features = new EnumMap<>(UserFeature.class);
    for (UserFeature f : UserFeature.values()) {
      if (f == UserFeature.ALL) {
        continue;
      }
      JsonElement e = GraphErrors.member(o, property(f.cmdletValue()));
      if (e != null && e.isJsonPrimitive()) {
        features.put(f, e.getAsBoolean());
      }
    }
    return new UserInsightsOverrides(user, string(o, "PrivacyMode").map(PrivacyMode::parse), features);
  }

  @Override
  public void setUserPrivacyMode(Upn user, PrivacyMode mode) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(mode, "mode == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", user.toString());
    p.put("PrivacyMode", mode.cmdletValue());
    exo.invoke("Set-MyAnalyticsFeatureConfig", p, ExchangeRestClient.userAnchor(user.toString()), KIND, user.toString());
    log.debug("Set MyAnalytics privacy mode [user={}, mode={}]", user, mode.cmdletValue());
  }

  @Override
  public void setUserFeature(Upn user, UserFeature feature, boolean enabled) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(feature, "feature == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", user.toString());
    p.put("Feature", feature.cmdletValue());
    p.put("IsEnabled", enabled);
    exo.invoke("Set-MyAnalyticsFeatureConfig", p, ExchangeRestClient.userAnchor(user.toString()), KIND, user.toString());
    log.debug("Set MyAnalytics feature [user={}, feature={}, enabled={}]", user, feature.cmdletValue(), enabled);
  }

  /** {@code digest-email} → {@code IsDigestEmailEnabled}; {@code Meeting-effectiveness-survey} → {@code IsMeetingEffectivenessSurveyEnabled}. */
  static String property(String cmdletValue) {
    StringBuilder b = new StringBuilder("Is");
    for (String part : cmdletValue.split("-")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return b.append("Enabled").toString();
  }

  private static boolean bool(JsonObject o, String name, boolean dflt) {
    JsonElement e = GraphErrors.member(o, name);
    return e == null || !e.isJsonPrimitive() ? dflt : e.getAsBoolean();
  }

  private static Optional<String> string(JsonObject o, String name) {
    JsonElement e = GraphErrors.member(o, name);
    return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? Optional.empty() : Optional.of(e.getAsString());
  }

  // ---------------------------------------------------------------- Graph item insights

  @Override
  public ItemInsightsOrgSettings itemInsightsOrg() {
    String op = "GET /admin/people/itemInsights";
    InsightsSettings s;
    try {
      s = graph.admin().people().itemInsights().get();
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "item insights settings", "organization");
    }
    if (s == null) {
      return ItemInsightsOrgSettings.defaults();
    }
    return new ItemInsightsOrgSettings(s.getIsEnabledInOrganization() == null || s.getIsEnabledInOrganization(),
        Optional.ofNullable(s.getDisabledForGroup()).filter(g -> !g.isBlank()));
  }

  @Override
  public void setItemInsightsOrg(ItemInsightsOrgSettings settings) {
    Objects.requireNonNull(settings, "settings == null");
    String group = settings.disabledForGroup().orElse(null);
    if (group != null && !group.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      throw new InvalidInputException("disabledForGroup", group, "it must be an Entra group object id (a GUID)");
    }
    // Built by hand so that an empty group goes out as an explicit null (the SDK's serializer leaves nulls out).
    JsonObject body = new JsonObject();
    body.addProperty("isEnabledInOrganization", settings.isEnabledInOrganization());
    body.addProperty("disabledForGroup", group);
    String op = "PATCH /admin/people/itemInsights";
    try {
      RequestInformation ri = new RequestInformation(HttpMethod.PATCH, "{+baseurl}/admin/people/itemInsights", new HashMap<>());
      ri.headers.tryAdd("Accept", "application/json");
      ri.setStreamContent(new java.io.ByteArrayInputStream(new com.google.gson.GsonBuilder().serializeNulls().create().toJson(body)
          .getBytes(StandardCharsets.UTF_8)), "application/json");
      HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
      errors.put("XXX", ODataError::createFromDiscriminatorValue);
      graph.getRequestAdapter().sendPrimitive(ri, errors, Void.class);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "item insights settings", "organization");
    }
    log.debug("Set org item insights [enabled={}, disabledForGroup={}]", settings.isEnabledInOrganization(), group);
  }

  @Override
  public boolean itemInsightsEnabled(Upn user) {
    Objects.requireNonNull(user, "user == null");
    String op = "GET /users/" + user + "/settings/itemInsights";
    UserInsightsSettings s;
    try {
      s = graph.users().byUserId(user.toString()).settings().itemInsights().get();
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, KIND, user.toString());
    }
    return s == null || s.getIsEnabled() == null || s.getIsEnabled();
  }

  @Override
  public void setItemInsightsEnabled(Upn user, boolean enabled) {
    Objects.requireNonNull(user, "user == null");
    UserInsightsSettings body = new UserInsightsSettings();
    body.setIsEnabled(enabled);
    String op = "PATCH /users/" + user + "/settings/itemInsights";
    try {
      graph.users().byUserId(user.toString()).settings().itemInsights().patch(body);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, KIND, user.toString());
    }
    log.debug("Set user item insights [user={}, enabled={}]", user, enabled);
  }
}
