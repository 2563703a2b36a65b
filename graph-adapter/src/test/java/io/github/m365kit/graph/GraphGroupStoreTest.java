package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import io.github.m365kit.BackendException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class GraphGroupStoreTest extends WireTestSupport {
  static final ObjectId ID = ObjectId.of("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  static final String RULE = "(user.department -eq \"Finance\")";
  static final String GROUP_JSON = "{\"id\":\"" + ID + "\",\"displayName\":\"Finance\",\"mailNickname\":\"finance\","
      + "\"groupTypes\":[\"Unified\",\"DynamicMembership\"],\"membershipRule\":\"(user.department -eq \\\"Finance\\\")\","
      + "\"membershipRuleProcessingState\":\"Paused\"}";

  @Test
  void create_microsoft365_postsUnifiedDynamicMailEnabled() throws Exception {
    server.enqueue(json(201, GROUP_JSON));

    ObjectId id = backend.groups().createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", true, RULE, false));

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "groups");
    assertThat(r.getRequestUrl().query()).isNull();
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject b = body(r);
    assertThat(b.keySet()).containsExactlyInAnyOrder("@odata.type", "displayName", "mailNickname", "mailEnabled",
        "securityEnabled", "groupTypes", "membershipRule", "membershipRuleProcessingState");
    assertThat(b.get("displayName").getAsString()).isEqualTo("Finance");
    assertThat(b.get("mailNickname").getAsString()).isEqualTo("finance");
    assertThat(b.get("mailEnabled").getAsBoolean()).isTrue();
    assertThat(b.get("securityEnabled").getAsBoolean()).isFalse();
    assertThat(b.getAsJsonArray("groupTypes").toString()).isEqualTo("[\"Unified\",\"DynamicMembership\"]");
    assertThat(b.get("membershipRule").getAsString()).isEqualTo(RULE);
    assertThat(b.get("membershipRuleProcessingState").getAsString()).isEqualTo("On");
    assertThat(id).isEqualTo(ID);
  }

  @Test
  void create_security_postsDynamicSecurityEnabled() throws Exception {
    server.enqueue(json(201, GROUP_JSON));

    backend.groups().createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", false, RULE, false));

    JsonObject b = body(take());
    assertThat(b.get("mailEnabled").getAsBoolean()).isFalse();
    assertThat(b.get("securityEnabled").getAsBoolean()).isTrue();
    assertThat(b.getAsJsonArray("groupTypes").toString()).isEqualTo("[\"DynamicMembership\"]");
    assertThat(b.get("membershipRuleProcessingState").getAsString()).isEqualTo("On");
  }

  @Test
  void find_selectsRuleProperties_mapsPausedUnified() throws Exception {
    server.enqueue(json(GROUP_JSON));

    DynamicGroup g = backend.groups().find(ID).orElseThrow();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "groups", ID.toString());
    assertThat(r.getRequestUrl().queryParameter("$select").split(","))
        .containsExactly("id", "displayName", "mailNickname", "groupTypes", "membershipRule", "membershipRuleProcessingState");
    assertThat(g).isEqualTo(new DynamicGroup(Optional.of(ID), "Finance", "finance", true, RULE, true));
  }

  @Test
  void findByMailNickname_filtersWithTheQuoteDoubled_andMapsTheGroup() throws Exception {
    server.enqueue(json("{\"value\":[" + GROUP_JSON + "]}"));

    Optional<DynamicGroup> g = backend.groups().findByMailNickname("fin'ance");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "groups");
    assertThat(r.getRequestUrl().queryParameter("$filter")).isEqualTo("mailNickname eq 'fin''ance'");
    assertThat(r.getRequestUrl().queryParameter("$top")).isEqualTo("2");
    assertThat(r.getRequestUrl().queryParameter("$select")).startsWith("id,displayName,mailNickname");
    assertThat(g).contains(new DynamicGroup(Optional.of(ID), "Finance", "finance", true, RULE, true));
  }

  @Test
  void findByMailNickname_noneIsEmpty_twoIsAConflict_aStaticGroupIsRefused() throws Exception {
    server.enqueue(json("{\"value\":[]}"));
    assertThat(backend.groups().findByMailNickname("nobody")).isEmpty();
    take();

    server.enqueue(json("{\"value\":[" + GROUP_JSON + "," + GROUP_JSON.replace("aaaaaaaa", "bbbbbbbb") + "]}"));
    assertThat(catchThrowable(() -> backend.groups().findByMailNickname("finance"))).isInstanceOf(io.github.m365kit.ConflictException.class)
        .hasMessageContaining("several groups have the mail nickname finance");
    take();

    server.enqueue(json("{\"value\":[{\"id\":\"" + ID + "\",\"displayName\":\"Static\",\"mailNickname\":\"static\",\"groupTypes\":[\"Unified\"]}]}"));
    assertThat(catchThrowable(() -> backend.groups().findByMailNickname("static"))).isInstanceOf(io.github.m365kit.InvalidInputException.class)
        .hasMessageContaining("not a dynamic group");
    take();
  }

  @Test
  void find_when404_isEmpty() throws Exception {
    server.enqueue(json(404, graphError("Request_ResourceNotFound", "Resource does not exist")));

    assertThat(backend.groups().find(ID)).isEmpty();
    take();
  }

  @Test
  void updateRule_patchesOnlyTheRule() throws Exception {
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));

    backend.groups().updateRule(ID, RULE);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "groups", ID.toString());
    assertThat(r.getRequestUrl().query()).isNull();
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject b = body(r);
    assertThat(b.keySet()).containsExactlyInAnyOrder("@odata.type", "membershipRule");
    assertThat(b.get("membershipRule").getAsString()).isEqualTo(RULE);
  }

  @Test
  void setProcessingPaused_patchesPausedThenOn() throws Exception {
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));

    backend.groups().setProcessingPaused(ID, true);
    backend.groups().setProcessingPaused(ID, false);

    RecordedRequest paused = take();
    assertThat(paused.getMethod()).isEqualTo("PATCH");
    assertThat(paused.getRequestUrl().pathSegments()).containsExactly("v1.0", "groups", ID.toString());
    JsonObject b = body(paused);
    assertThat(b.keySet()).containsExactlyInAnyOrder("@odata.type", "membershipRuleProcessingState");
    assertThat(b.get("membershipRuleProcessingState").getAsString()).isEqualTo("Paused");
    assertThat(body(take()).get("membershipRuleProcessingState").getAsString()).isEqualTo("On");
  }

  @Test
  void members_usesUserCast_selectsUpn_followsNextLink() throws Exception {
    String second = url("/v1.0/groups/" + ID + "/members/graph.user?$skiptoken=p2");
    server.enqueue(json("{\"value\":[{\"id\":\"11111111-1111-1111-1111-111111111111\",\"userPrincipalName\":\"fiona.finance@contoso.com\"}],"
        + "\"@odata.nextLink\":\"" + second + "\"}"));
    server.enqueue(json("{\"value\":[{\"id\":\"22222222-2222-2222-2222-222222222222\",\"userPrincipalName\":\"user1@contoso.com\"}]}"));

    List<Upn> members = backend.groups().members(ID);

    RecordedRequest first = take();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getRequestUrl().pathSegments()).containsExactly("v1.0", "groups", ID.toString(), "members", "graph.user");
    assertThat(first.getRequestUrl().queryParameter("$select")).isEqualTo("id,userPrincipalName");
    assertThat(first.getRequestUrl().queryParameter("$top")).isEqualTo("999");
    assertThat(take().getRequestUrl().queryParameter("$skiptoken")).isEqualTo("p2");
    assertThat(members).containsExactly(Upn.of("fiona.finance@contoso.com"), Upn.of("user1@contoso.com"));
  }

  // ------------------------------------------------------------ error mapping, every method

  @Test
  void create_whenRuleInvalid_throwsServiceRuleWithServiceMessage() throws Exception {
    server.enqueue(json(400, graphError("Request_BadRequest", "Invalid membership rule: error at column 19")));
    Throwable t = catchThrowable(() -> backend.groups().createDynamicGroup(
        new DynamicGroup(Optional.empty(), "Finance", "finance", true, "user.department -eq", false)));
    assertThat(t).isInstanceOf(ServiceRuleException.class).hasMessageContaining("HTTP 400")
        .hasMessageContaining("Invalid membership rule: error at column 19");
    assertThat(((ServiceRuleException) t).rule()).isEqualTo(ServiceRuleException.Rule.INVALID_MEMBERSHIP_RULE);
    assertThat(take().getMethod()).isEqualTo("POST");
  }

  @Test
  void updateRule_whenRuleInvalid_throwsServiceRule() throws Exception {
    server.enqueue(json(400, graphError("Request_BadRequest", "Invalid membership rule.")));
    Throwable t = catchThrowable(() -> backend.groups().updateRule(ID, "user.department -eq"));
    assertThat(t).isInstanceOf(ServiceRuleException.class).hasMessageContaining("Invalid membership rule.");
    assertThat(((ServiceRuleException) t).rule()).isEqualTo(ServiceRuleException.Rule.INVALID_MEMBERSHIP_RULE);
    assertThat(take().getMethod()).isEqualTo("PATCH");
  }

  @Test
  void create_whenRuleValidationErrorWording_throwsServiceRule() throws Exception {
    server.enqueue(json(400, graphError("Request_BadRequest",
        "Dynamic membership rule validation error: Wrong property applied.")));
    Throwable t = catchThrowable(() -> backend.groups().createDynamicGroup(
        new DynamicGroup(Optional.empty(), "Finance", "finance", true, "user.memberof -any (group.id -in ['x'])", false)));
    assertThat(t).isInstanceOf(ServiceRuleException.class).hasMessageContaining("Wrong property applied.");
    assertThat(((ServiceRuleException) t).rule()).isEqualTo(ServiceRuleException.Rule.INVALID_MEMBERSHIP_RULE);
    take();
  }

  @Test
  void find_when400MentionsRule_staysBackendException() throws Exception {
    server.enqueue(json(400, graphError("Request_BadRequest", "Invalid membership rule")));
    assertThat(catchThrowable(() -> backend.groups().find(ID))).isInstanceOf(BackendException.class)
        .isNotInstanceOf(ServiceRuleException.class);
    take();
  }

  private void assertMapping(Consumer<io.github.m365kit.spi.GroupStore> call, boolean findSwallows404) throws Exception {
    server.enqueue(json(400, graphError("Request_BadRequest", "Invalid value specified for property 'displayName'")));
    assertThat(catchThrowable(() -> call.accept(backend.groups()))).isInstanceOf(BackendException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("Invalid value specified");
    take();
    if (!findSwallows404) {
      server.enqueue(json(404, graphError("Request_ResourceNotFound", "Resource does not exist")));
      assertThat(catchThrowable(() -> call.accept(backend.groups()))).isInstanceOf(NotFoundException.class);
      take();
    }
    server.enqueue(json(409, graphError("Request_Conflict", "Another object with the same value for property mailNickname already exists")));
    assertThat(catchThrowable(() -> call.accept(backend.groups()))).isInstanceOf(ConflictException.class);
    take();
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(429, graphError("TooManyRequests", "Too many requests")).setHeader("Retry-After", "0"));
    }
    Throwable t = catchThrowable(() -> call.accept(backend.groups()));
    assertThat(t).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) t).retryAfter()).contains(Duration.ZERO);
    assertNoToken(t);
  }

  @Test
  void create_maps400_404_409_429() throws Exception {
    assertMapping(s -> s.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", true, RULE, false)), false);
  }

  @Test
  void find_maps400_409_429_andEmptyOn404() throws Exception {
    assertMapping(s -> s.find(ID), true);
  }

  @Test
  void updateRule_maps400_404_409_429() throws Exception {
    assertMapping(s -> s.updateRule(ID, RULE), false);
  }

  @Test
  void setProcessingPaused_maps400_404_409_429() throws Exception {
    assertMapping(s -> s.setProcessingPaused(ID, true), false);
  }

  @Test
  void members_maps400_404_409_429() throws Exception {
    assertMapping(s -> s.members(ID), false);
  }
}
