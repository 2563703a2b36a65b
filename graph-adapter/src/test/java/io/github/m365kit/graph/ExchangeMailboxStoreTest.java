package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.util.UUID;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ExchangeMailboxStoreTest extends WireTestSupport {
  static final SmtpAddress SALES = SmtpAddress.of("sales@contoso.com");

  static String exoError(String type, String message) {
    return "{\"error\":{\"code\":\"BadRequest\",\"message\":\"An error occurred\",\"details\":[{\"code\":\"Context\",\"message\":\"Ex1|"
        + type + "|" + message + "\"}]}}";
  }

  static JsonObject params(RecordedRequest r, String cmdlet) {
    JsonObject input = body(r).getAsJsonObject("CmdletInput");
    assertThat(input.get("CmdletName").getAsString()).isEqualTo(cmdlet);
    return input.getAsJsonObject("Parameters");
  }

  @Test
  void find_readsMailboxAndStatistics() throws Exception {
    server.enqueue(json("{\"value\":[{\"PrimarySmtpAddress\":\"sales@contoso.com\",\"UserPrincipalName\":\"sales@contoso.com\","
        + "\"Alias\":\"sales\",\"DisplayName\":\"Sales\",\"RecipientTypeDetails\":\"SharedMailbox\",\"ArchiveStatus\":\"Active\","
        + "\"LitigationHoldEnabled\":false,\"InPlaceHolds\":[\"mbx123\"],\"UMEnabled\":true,\"IsDirSynced\":true,"
        + "\"ExchangeGuid\":\"0a1b2c3d-0000-1111-2222-333344445555\","
        + "\"EmailAddresses\":[\"SMTP:sales@contoso.com\",\"EUM:4711;phone-context=Contoso.contoso.com\"]}]}"));
    server.enqueue(json("{\"value\":[{\"TotalItemSize\":\"49.5 GB (53,150,220,288 bytes)\"}]}"));

    Mailbox m = backend.mailboxes().find(SALES).orElseThrow();

    RecordedRequest get = take();
    assertThat(params(get, "Get-Mailbox").get("Identity").getAsString()).isEqualTo("sales@contoso.com");
    assertThat(get.getHeader("X-AnchorMailbox")).isEqualTo("UPN:sales@contoso.com");
    assertThat(params(take(), "Get-MailboxStatistics").get("Identity").getAsString()).isEqualTo("sales@contoso.com");
    assertThat(m.type()).isEqualTo(MailboxType.SHARED);
    assertThat(m.totalItemSizeBytes()).isEqualTo(53_150_220_288L);
    assertThat(m.archiveEnabled()).isTrue();
    assertThat(m.inPlaceHolds()).containsExactly("mbx123");
    assertThat(m.umEnabled()).isTrue();
    assertThat(m.umExtension()).contains("4711");
    assertThat(m.dirSynced()).isTrue();
    assertThat(m.exchangeGuid()).isEqualTo(UUID.fromString("0a1b2c3d-0000-1111-2222-333344445555"));
    assertThat(m.displayName()).isEqualTo("Sales");
  }

  @Test
  void totalItemSize_acceptsNumberAndObjectForms() {
    assertThat(ExchangeMailboxStore.bytes(new com.google.gson.JsonPrimitive(1234L))).isEqualTo(1234L);
    assertThat(ExchangeMailboxStore.bytes(com.google.gson.JsonParser.parseString("{\"Value\":\"1.2 KB (1,229 bytes)\"}"))).isEqualTo(1229L);
    assertThat(ExchangeMailboxStore.bytes(null)).isZero();
  }

  @Test
  void setType_sendsCmdletType_andMapsLicenseRefusal() throws Exception {
    server.enqueue(json("{\"value\":[]}"));
    server.enqueue(json(400, exoError("Microsoft.Exchange.Management.Tasks.RecipientTaskException",
        "The mailbox 'sales@contoso.com' can't be converted to a shared mailbox because it has no Exchange Online license.")));

    backend.mailboxes().setType(SALES, MailboxType.SHARED);
    Throwable t = catchThrowable(() -> backend.mailboxes().setType(SALES, MailboxType.USER));

    JsonObject p = params(take(), "Set-Mailbox");
    assertThat(p.get("Identity").getAsString()).isEqualTo("sales@contoso.com");
    assertThat(p.get("Type").getAsString()).isEqualTo("Shared");
    assertThat(params(take(), "Set-Mailbox").get("Type").getAsString()).isEqualTo("Regular");
    assertThat(t).isInstanceOf(ServiceRuleException.class).hasMessageContaining("can't be converted");
    assertThat(((ServiceRuleException) t).rule()).isEqualTo(ServiceRuleException.Rule.CONVERSION_REQUIRES_LICENSE);
    assertNoToken(t);
  }

  @Test
  void disableUnifiedMessaging_mapsLicenseValidationAndAlreadyDisabled() throws Exception {
    server.enqueue(json(400, exoError("Microsoft.Exchange.UM.UMCommon.UMRecipientValidationException",
        "License validation error: the action 'Disable-UMMailbox' can't be performed on the user 'sales@contoso.com'.")));
    server.enqueue(json(400, exoError("Microsoft.Exchange.Management.Tasks.UM.UserAlreadyUmDisabledException",
        "The user \\\"sales@contoso.com\\\" is already disabled for Unified Messaging.")));

    Throwable license = catchThrowable(() -> backend.mailboxes().disableUnifiedMessaging(SALES));
    Throwable already = catchThrowable(() -> backend.mailboxes().disableUnifiedMessaging(SALES));

    JsonObject p = params(take(), "Disable-UMMailbox");
    assertThat(p.get("Identity").getAsString()).isEqualTo("sales@contoso.com");
    assertThat(p.get("Confirm").getAsBoolean()).isFalse();
    assertThat(((ServiceRuleException) license).rule()).isEqualTo(ServiceRuleException.Rule.UM_LICENSE_VALIDATION);
    assertThat(((ServiceRuleException) already).rule()).isEqualTo(ServiceRuleException.Rule.UM_ALREADY_DISABLED);
  }

  @Test
  void fullAccess_keepsExplicitUserGrantsOnly() throws Exception {
    server.enqueue(json("{\"value\":["
        + "{\"User\":\"NT AUTHORITY\\\\SELF\",\"AccessRights\":[\"FullAccess, ReadPermission\"],\"IsInherited\":false,\"Deny\":false},"
        + "{\"User\":\"jane.doe@contoso.com\",\"AccessRights\":[\"FullAccess\"],\"IsInherited\":false,\"Deny\":false},"
        + "{\"User\":\"admin@contoso.com\",\"AccessRights\":[\"FullAccess\"],\"IsInherited\":true,\"Deny\":false},"
        + "{\"User\":\"bob@contoso.com\",\"AccessRights\":[\"ReadPermission\"],\"IsInherited\":false,\"Deny\":false}]}"));

    assertThat(backend.mailboxes().fullAccess(SALES)).containsExactly(new MailboxPermission(Upn.of("jane.doe@contoso.com"), false));
    assertThat(params(take(), "Get-MailboxPermission").get("Identity").getAsString()).isEqualTo("sales@contoso.com");
  }

  @Test
  void grantAndRevokeFullAccess_sendTheDocumentedParameters() throws Exception {
    server.enqueue(json("{\"value\":[]}"));
    server.enqueue(json("{\"value\":[]}"));

    backend.mailboxes().grantFullAccess(SALES, Upn.of("jane.doe@contoso.com"), true);
    backend.mailboxes().revokeFullAccess(SALES, Upn.of("jane.doe@contoso.com"));

    JsonObject add = params(take(), "Add-MailboxPermission");
    assertThat(add.get("User").getAsString()).isEqualTo("jane.doe@contoso.com");
    assertThat(add.getAsJsonArray("AccessRights").get(0).getAsString()).isEqualTo("FullAccess");
    assertThat(add.get("AutoMapping").getAsBoolean()).isTrue();
    JsonObject remove = params(take(), "Remove-MailboxPermission");
    assertThat(remove.get("User").getAsString()).isEqualTo("jane.doe@contoso.com");
    assertThat(remove.get("Confirm").getAsBoolean()).isFalse();
  }
}
