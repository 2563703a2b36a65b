package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.Change;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.LegacyAuthBlockPolicy;
import io.github.m365kit.model.ObjectId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class GraphConditionalAccessStoreTest extends WireTestSupport {
  static final String ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  static final ObjectId BREAK_GLASS = ObjectId.of("11111111-2222-3333-4444-555555555555");
  static final String POLICY_JSON = "{\"id\":\"" + ID + "\",\"displayName\":\"Block legacy authentication\","
      + "\"state\":\"enabledForReportingButNotEnforced\",\"conditions\":{\"clientAppTypes\":[\"exchangeActiveSync\",\"other\"],"
      + "\"applications\":{\"includeApplications\":[\"All\"]},\"users\":{\"includeUsers\":[\"All\"],\"excludeUsers\":[\""
      + BREAK_GLASS + "\"],\"includeGroups\":[],\"excludeGroups\":[]}},"
      + "\"grantControls\":{\"operator\":\"OR\",\"builtInControls\":[\"block\"]},\"sessionControls\":null}";

  private static String stripped(RecordedRequest r) {
    JsonObject b = body(r);
    strip(b);
    return b.toString();
  }

  /** Removes the SDK's "@odata.type" annotations so that the rest can be compared exactly. */
  private static void strip(JsonObject o) {
    o.remove("@odata.type");
    o.entrySet().forEach(e -> {
      if (e.getValue().isJsonObject()) {
        strip(e.getValue().getAsJsonObject());
      }
    });
  }

  @Test
  void create_postsTheRecipe_exactBody() throws Exception {
    server.enqueue(json(201, POLICY_JSON));

    ConditionalAccessPolicy created = backend.conditionalAccess()
        .createConditionalAccessPolicy(LegacyAuthBlockPolicy.builder().excludeUser(BREAK_GLASS).build().toPolicy());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "identity", "conditionalAccess", "policies");
    assertThat(r.getRequestUrl().query()).isNull();
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(stripped(r)).isEqualTo(JsonParser.parseString("{\"conditions\":{\"applications\":{\"includeApplications\":[\"All\"]},"
        + "\"clientAppTypes\":[\"exchangeActiveSync\",\"other\"],\"users\":{\"excludeGroups\":[],\"excludeUsers\":[\"" + BREAK_GLASS + "\"],"
        + "\"includeGroups\":[],\"includeUsers\":[\"All\"]}},\"displayName\":\"Block legacy authentication\","
        + "\"grantControls\":{\"builtInControls\":[\"block\"],\"operator\":\"OR\"},\"state\":\"enabledForReportingButNotEnforced\"}").toString());
    assertThat(created.id()).contains(ID);
    assertThat(created).isEqualTo(LegacyAuthBlockPolicy.builder().excludeUser(BREAK_GLASS).build().toPolicy().withId(ID));
  }

  @Test
  void create_displayNameIsJsonEscaped() throws Exception {
    server.enqueue(json(201, POLICY_JSON));
    String hostile = "Block \"legacy\" \\ auth\n<script>";

    backend.conditionalAccess().createConditionalAccessPolicy(LegacyAuthBlockPolicy.builder().displayName(hostile).build().toPolicy());

    assertThat(body(take()).get("displayName").getAsString()).isEqualTo(hostile);
  }

  @Test
  void list_and_find_getThePolicies_followNextLink_ignoreCase() throws Exception {
    server.enqueue(json("{\"value\":[" + POLICY_JSON + "],\"@odata.nextLink\":\"" + url("/v1.0/identity/conditionalAccess/policies?$skiptoken=2")
        + "\"}"));
    server.enqueue(json("{\"value\":[{\"id\":\"aaaaaaaa-0000-0000-0000-000000000000\",\"displayName\":\"Require MFA\",\"state\":\"enabled\","
        + "\"conditions\":{\"clientAppTypes\":[\"all\"],\"applications\":{\"includeApplications\":[\"All\"]},"
        + "\"users\":{\"includeUsers\":[],\"includeGroups\":[\"g1\"]}},\"grantControls\":null,\"sessionControls\":{\"signInFrequency\":{}}}]}"));

    Optional<ConditionalAccessPolicy> found = backend.conditionalAccess().findConditionalAccessPolicy("BLOCK LEGACY authentication");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "identity", "conditionalAccess", "policies");
    assertThat(r.getRequestUrl().query()).isNull();
    assertThat(take().getRequestUrl().queryParameter("$skiptoken")).isEqualTo("2");
    assertThat(found.orElseThrow().users().excludeUsers()).containsExactly(BREAK_GLASS.toString());
    assertThat(found.get().state()).isEqualTo(State.REPORT_ONLY);

    server.enqueue(json("{\"value\":[" + POLICY_JSON + ",{\"id\":\"aaaaaaaa-0000-0000-0000-000000000000\",\"displayName\":\"Require MFA\","
        + "\"state\":\"enabled\",\"conditions\":{\"clientAppTypes\":[\"all\"],\"applications\":{\"includeApplications\":[\"All\"]},"
        + "\"users\":{\"includeUsers\":[],\"includeGroups\":[\"g1\"]}},\"grantControls\":null,\"sessionControls\":{\"signInFrequency\":{}}}]}"));
    List<ConditionalAccessPolicy> all = backend.conditionalAccess().listConditionalAccessPolicies();
    take();
    assertThat(all).hasSize(2);
    ConditionalAccessPolicy mfa = all.get(1);
    assertThat(mfa.sessionControls()).isTrue();
    assertThat(mfa.grantControls()).isEmpty();
    assertThat(mfa.users().includeGroups()).containsExactly("g1");
    assertThat(mfa.clientAppTypes()).containsExactly(ConditionalAccessPolicy.ClientAppType.ALL);
  }

  @Test
  void find_duplicateNames_isAmbiguous() throws Exception {
    server.enqueue(json("{\"value\":[" + POLICY_JSON + "," + POLICY_JSON.replace(ID, "99999999-0000-0000-0000-000000000000") + "]}"));

    Throwable t = catchThrowable(() -> backend.conditionalAccess().findConditionalAccessPolicy("Block legacy authentication"));

    assertThat(t).isInstanceOf(AmbiguousMatchException.class);
    assertThat(((AmbiguousMatchException) t).matches()).containsExactly(ID, "99999999-0000-0000-0000-000000000000");
  }

  @Test
  void update_patchesStateAndTheWholeUsersCondition_exactBody() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    ConditionalAccessPolicy.Users users = new ConditionalAccessPolicy.Users(List.of("All"), List.of(BREAK_GLASS.toString()), List.of(), List.of("g2"));

    backend.conditionalAccess().updateConditionalAccessPolicy(ID, new Change(Optional.of(State.ENABLED), Optional.of(users)));

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "identity", "conditionalAccess", "policies", ID);
    assertThat(r.getRequestUrl().query()).isNull();
    assertThat(stripped(r)).isEqualTo(JsonParser.parseString("{\"conditions\":{\"users\":{\"excludeGroups\":[\"g2\"],\"excludeUsers\":[\""
        + BREAK_GLASS + "\"],\"includeGroups\":[],\"includeUsers\":[\"All\"]}},\"state\":\"enabled\"}").toString());
  }

  @Test
  void update_stateOnly_sendsOnlyTheState_andAnIdIsPercentEncoded() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));

    backend.conditionalAccess().updateConditionalAccessPolicy("a/b c", new Change(Optional.of(State.DISABLED), Optional.empty()));

    RecordedRequest r = take();
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v1.0/identity/conditionalAccess/policies/a%2Fb%20c");
    assertThat(stripped(r)).isEqualTo("{\"state\":\"disabled\"}");
  }

  @Test
  void create_400_isInvalidInput_withTheServiceMessage() throws Exception {
    server.enqueue(json(400, graphError("BadRequest", "1011: Policy must have a grant or session control.")));

    Throwable t = catchThrowable(() -> backend.conditionalAccess().createConditionalAccessPolicy(
        LegacyAuthBlockPolicy.builder().build().toPolicy()));

    assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageContaining("HTTP 400").hasMessageContaining("grant or session control");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertNoToken(t);
  }

  @Test
  void update_403_isAccessDenied_404_isNotFound() throws Exception {
    server.enqueue(json(403, graphError("AccessDenied", "You cannot perform the requested operation, required scopes are missing in the token.")));
    server.enqueue(json(404, graphError("ResourceNotFound", "Resource not found")));
    Change c = new Change(Optional.of(State.ENABLED), Optional.empty());

    assertThat(catchThrowable(() -> backend.conditionalAccess().updateConditionalAccessPolicy(ID, c)))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("HTTP 403");
    assertThat(catchThrowable(() -> backend.conditionalAccess().updateConditionalAccessPolicy(ID, c))).isInstanceOf(NotFoundException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void list_429WithoutRetryAfter_backsOff1sThen2s_thenSucceeds() throws Exception {
    server.enqueue(json(429, graphError("TooManyRequests", "Too many requests")));
    server.enqueue(json(429, graphError("TooManyRequests", "Too many requests")));
    server.enqueue(json("{\"value\":[" + POLICY_JSON + "]}"));

    assertThat(backend.conditionalAccess().listConditionalAccessPolicies()).hasSize(1);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void update_429WithoutRetryAfter_givesUpAfterTheRetryBudget_withTheNextWait() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(429, graphError("TooManyRequests", "Too many requests")));
    }

    Throwable t = catchThrowable(() -> backend.conditionalAccess().updateConditionalAccessPolicy(ID,
        new Change(Optional.of(State.ENABLED), Optional.empty())));

    assertThat(t).isInstanceOf(ThrottledException.class).hasMessageContaining("1 request per second");
    assertThat(((ThrottledException) t).retryAfter()).contains(Duration.ofSeconds(4));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertNoToken(t);
  }

  @Test
  void create_429IsRetried_butA503IsNot_becauseThePolicyMayExist() throws Exception {
    server.enqueue(json(429, graphError("TooManyRequests", "Too many requests")).setHeader("Retry-After", "3"));
    server.enqueue(json(201, POLICY_JSON));

    backend.conditionalAccess().createConditionalAccessPolicy(LegacyAuthBlockPolicy.builder().build().toPolicy());
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));

    server.enqueue(json(503, graphError("ServiceUnavailable", "Try later")));
    Throwable t = catchThrowable(() -> backend.conditionalAccess().createConditionalAccessPolicy(LegacyAuthBlockPolicy.builder().build().toPolicy()));
    assertThat(t).isInstanceOf(io.github.m365kit.TransientException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void backoff_doublesFromOneSecond_upTo30() {
    assertThat(GraphConditionalAccessStore.backoff(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(GraphConditionalAccessStore.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(GraphConditionalAccessStore.backoff(9)).isEqualTo(Duration.ofSeconds(30));
  }
}
