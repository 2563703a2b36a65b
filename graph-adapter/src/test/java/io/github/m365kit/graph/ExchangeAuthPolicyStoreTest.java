package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.model.Upn;
import java.time.Instant;
import java.util.Optional;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ExchangeAuthPolicyStoreTest extends WireTestSupport {
  static final String BLOCK = "{\"Name\":\"Block Basic Auth\",\"AllowBasicAuthSmtp\":true,\"AllowBasicAuthImap\":false}";

  @Test
  void create_sendsNameAndAllTwelveSwitches_anchoredOnSystemMailbox() throws Exception {
    server.enqueue(json("{\"value\":[]}"));

    backend.authPolicies().create(AuthPolicy.builder().name("Block Basic Auth").addAllowBasicAuth(BasicAuthProtocol.SMTP).build());

    RecordedRequest r = take();
    assertThat(r.getHeader("X-AnchorMailbox")).isEqualTo("APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TENANT);
    JsonObject p = ExchangeMailboxStoreTest.params(r, "New-AuthenticationPolicy");
    assertThat(p.get("Name").getAsString()).isEqualTo("Block Basic Auth");
    assertThat(p.keySet()).hasSize(13);
    assertThat(p.get("AllowBasicAuthSmtp").getAsBoolean()).isTrue();
    assertThat(p.get("AllowBasicAuthImap").getAsBoolean()).isFalse();
  }

  @Test
  void find_mapsSwitches_andIsEmptyWhenNotFound() throws Exception {
    server.enqueue(json("{\"value\":[" + BLOCK + "]}"));
    server.enqueue(json(400, ExchangeMailboxStoreTest.exoError("Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
        "The operation couldn't be performed because object 'Nope' couldn't be found.")));

    AuthPolicy p = backend.authPolicies().find("Block Basic Auth").orElseThrow();
    assertThat(backend.authPolicies().find("Nope")).isEmpty();

    assertThat(ExchangeMailboxStoreTest.params(take(), "Get-AuthenticationPolicy").get("Identity").getAsString()).isEqualTo("Block Basic Auth");
    assertThat(p.allowBasicAuth()).containsExactly(BasicAuthProtocol.SMTP);
  }

  @Test
  void assign_withEmpty_sendsJsonNull_andUserAnchor() throws Exception {
    server.enqueue(json("{\"value\":[]}"));
    server.enqueue(json("{\"value\":[]}"));

    backend.authPolicies().assign(Upn.of("jane.doe@contoso.com"), Optional.of("Block Basic Auth"));
    backend.authPolicies().assign(Upn.of("jane.doe@contoso.com"), Optional.empty());

    RecordedRequest first = take();
    assertThat(first.getHeader("X-AnchorMailbox")).isEqualTo("UPN:jane.doe@contoso.com");
    assertThat(ExchangeMailboxStoreTest.params(first, "Set-User").get("AuthenticationPolicy").getAsString()).isEqualTo("Block Basic Auth");
    JsonObject cleared = ExchangeMailboxStoreTest.params(take(), "Set-User");
    assertThat(cleared.has("AuthenticationPolicy")).isTrue();
    assertThat(cleared.get("AuthenticationPolicy").isJsonNull()).isTrue();
  }

  @Test
  void refreshTokens_sendsIsoInstant() throws Exception {
    server.enqueue(json("{\"value\":[]}"));

    backend.authPolicies().refreshTokens(Upn.of("jane.doe@contoso.com"), Instant.parse("2026-11-28T10:00:00Z"));

    JsonObject p = ExchangeMailboxStoreTest.params(take(), "Set-User");
    assertThat(p.get("STSRefreshTokensValidFrom").getAsString()).isEqualTo("2026-11-28T10:00:00Z");
  }

  @Test
  void usersWith_pagesGetUser_andFiltersOnClient() throws Exception {
    server.enqueue(json("{\"value\":[" + BLOCK + "]}"));
    server.enqueue(json("{\"value\":[{\"UserPrincipalName\":\"a@contoso.com\",\"AuthenticationPolicy\":\"Block Basic Auth\"},"
        + "{\"UserPrincipalName\":\"b@contoso.com\",\"AuthenticationPolicy\":null}],\"@odata.nextLink\":\""
        + url(ExchangeRestClientTest.INVOKE + "?$skiptoken=2") + "\"}"));
    server.enqueue(json("{\"value\":[{\"UserPrincipalName\":\"c@contoso.com\",\"AuthenticationPolicy\":\"block basic auth\"}]}"));

    assertThat(backend.authPolicies().usersWith("Block Basic Auth")).containsExactly(Upn.of("a@contoso.com"), Upn.of("c@contoso.com"));
    assertThat(ExchangeMailboxStoreTest.params(take(), "Get-AuthenticationPolicy").get("Identity").getAsString()).isEqualTo("Block Basic Auth");
    assertThat(ExchangeMailboxStoreTest.params(take(), "Get-User").get("ResultSize").getAsString()).isEqualTo("Unlimited");
  }

  @Test
  void delete_whenAssigned_throwsConflict_withoutRemoving() throws Exception {
    server.enqueue(json("{\"value\":[" + BLOCK + "]}"));
    server.enqueue(json("{\"value\":[{\"DefaultAuthenticationPolicy\":null}]}"));
    server.enqueue(json("{\"value\":[{\"UserPrincipalName\":\"a@contoso.com\",\"AuthenticationPolicy\":\"Block Basic Auth\"}]}"));

    Throwable t = catchThrowable(() -> backend.authPolicies().delete("Block Basic Auth"));

    assertThat(t).isInstanceOf(ConflictException.class).hasMessageContaining("a@contoso.com");
    take();
    take();
    take();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void delete_whenFree_removesWithoutConfirm() throws Exception {
    server.enqueue(json("{\"value\":[" + BLOCK + "]}"));
    server.enqueue(json("{\"value\":[{\"DefaultAuthenticationPolicy\":\"Other\"}]}"));
    server.enqueue(json("{\"value\":[]}"));
    server.enqueue(json("{\"value\":[]}"));

    backend.authPolicies().delete("Block Basic Auth");

    take();
    take();
    take();
    JsonObject p = ExchangeMailboxStoreTest.params(take(), "Remove-AuthenticationPolicy");
    assertThat(p.get("Identity").getAsString()).isEqualTo("Block Basic Auth");
    assertThat(p.get("Confirm").getAsBoolean()).isFalse();
  }

  @Test
  void orgDefault_readsAndWrites() throws Exception {
    server.enqueue(json("{\"value\":[{\"DefaultAuthenticationPolicy\":\"Block Basic Auth\"}]}"));
    server.enqueue(json("{\"value\":[]}"));

    assertThat(backend.authPolicies().orgDefault()).contains("Block Basic Auth");
    backend.authPolicies().setOrgDefault(Optional.empty());

    ExchangeMailboxStoreTest.params(take(), "Get-OrganizationConfig");
    assertThat(ExchangeMailboxStoreTest.params(take(), "Set-OrganizationConfig").get("DefaultAuthenticationPolicy").isJsonNull()).isTrue();
  }

  @Test
  void forbidden_isAccessDenied_withoutToken() {
    server.enqueue(json(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"The role assigned to application isn't supported in this scenario.\"}}"));

    Throwable t = catchThrowable(() -> backend.authPolicies().list());

    assertThat(t).isInstanceOf(AccessDeniedException.class).hasMessageContaining("role assigned");
    assertNoToken(t);
  }
}
