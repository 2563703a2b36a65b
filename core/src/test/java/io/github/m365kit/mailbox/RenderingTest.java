package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRenderer;
import io.github.m365kit.plan.RunResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RenderingTest {
  /** What a rendered command may look like once every single-quoted literal is replaced by Q. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z]+-[A-Za-z0-9]+"
      + "( -[A-Za-z]+(:\\$false|:\\$true)?( (Q(,Q)*|\\$true|\\$false|\\$null|-?\\d+|Regular|Shared"
      + "|@\\{[A-Za-z0-9]+=(-?\\d+|Q(,Q)*)(;[A-Za-z0-9]+=(-?\\d+|Q(,Q)*))*\\}"
      + "|@\\((@\\{SkuId=Q\\}|Q(,Q)*)?\\)|\\(\\(Get-Recipient Q\\)\\.SamAccountName\\)))?)*");
  private static final String HOSTILE_CN = "O'Brien $(Remove-Item C:\\ -Recurse); calc `whoami` \u2019x";

  private static boolean isQuote(char c) {
    return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
  }

  /** Replaces each single-quoted PowerShell literal by Q; fails on an unterminated one. */
  static String skeleton(String line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (!isQuote(c)) {
        out.append(c);
        i++;
        continue;
      }
      i++;
      while (true) {
        if (i >= line.length()) {
          return out.append("<unterminated literal>").toString();
        }
        char d = line.charAt(i);
        if (isQuote(d)) {
          if (i + 1 < line.length() && isQuote(line.charAt(i + 1))) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      out.append('Q');
    }
    return out.toString();
  }

  static void assertSafe(String line) {
    assertThat(line).doesNotContain("\n").doesNotContain("\r");
    String command = line.startsWith("#") ? line.substring(line.indexOf(": ") + 2) : line;
    assertThat(skeleton(command)).as("unquoted part of %s", line).matches(SAFE);
  }

  @Test
  void skeleton_whenInjectionOutsideQuotes_isRejected() {
    // the checker itself must be able to fail
    assertThat(skeleton("Set-Mailbox -Identity 'a'; Remove-Item x")).doesNotMatch(SAFE);
    assertThat(skeleton("Set-Mailbox -Identity 'a''$(x)'")).matches(SAFE);
    assertThat(skeleton("Set-Mailbox -Identity 'a'$(x)'")).doesNotMatch(SAFE);
  }

  @Test
  void render_whenHostileNames_everyValueStaysInsideSingleQuotes() {
    Fixture f = new Fixture();
    Upn upn = Upn.of("o'brien@contoso.com");
    SmtpAddress addr = SmtpAddress.of("o'brien$x{y}|z@contoso.com");
    DistinguishedName dn = DemoCast.STAFF_OU.child("CN", HOSTILE_CN);
    f.ad.add(AdUser.builder().dn(dn).samAccountName(SamAccountName.of("obrien")).userPrincipalName(upn).mail(addr)
        .addProxyAddresses("SMTP:" + addr.value(), "EUM:4999;phone-context=x'); Stop-Computer; ('")
        .umEnabledFlags(3L)
        .targetAddress("SMTP:obrien@" + DemoCast.ROUTING_DOMAIN).mailNickname("obrien").remoteRecipientType(RemoteRecipientType.MIGRATED)
        .recipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX).recipientDisplayType(RecipientDisplayType.SYNCED_MAILBOX_USER).build());
    f.tenant.addUser(CloudUser.builder().id(new ObjectId(DemoCast.guid("aad:obrien"))).userPrincipalName(upn).mail(addr)
        .onPremisesSyncEnabled(true).addLicenses(License.OFFICE_365_E3).build());
    f.tenant.addMailbox(Mailbox.builder().primarySmtpAddress(addr).userPrincipalName(upn).alias("o'brien$(evil);x").type(MailboxType.USER)
        .exchangeGuid(DemoCast.guid("mbx:obrien")).dirSynced(true).addEmailAddresses("SMTP:" + addr.value()).build());
    f.tenant.enableUnifiedMessaging(addr, "4999");
    DistinguishedName hostileOu = DemoCast.BASE_DN.child("OU", "Dep'arted $(x);y");
    f.ad.addContainer(hostileOu);
    Plan plan = f.converter.plan(addr.value(), Fixture.departing().withMoveTo(hostileOu));
    assertThat(plan.stepIds()).contains("disable-um", "clear-um-on-prem", "on-prem-remote-shared", "disable-account", "move-account");
    String script = PlanRenderer.render(plan, PlanRenderer.Format.POWERSHELL);
    assertThat(script).contains("'CN=O''Brien $(Remove-Item C:\\\\ -Recurse)\\; calc `whoami` \u2019\u2019x,OU=Staff,DC=contoso,DC=com'")
        .contains("-Identity 'o''brien$x{y}|z@contoso.com'");
    for (String line : script.split("\n")) {
      if (line.isEmpty() || line.startsWith("# ") && !line.contains(": Set-ADUser")) {
        continue;
      }
      assertSafe(line);
    }
  }

  @Property(tries = 300)
  void render_whenAnyCommonName_staysQuoted(@ForAll String cn) {
    DistinguishedName dn = DemoCast.STAFF_OU.child("CN", cn);
    assertSafe(Commands.moveAdObject(dn, DemoCast.DEPARTED_OU));
    assertSafe(Commands.disableAdAccount(dn.toString()));
    assertSafe(Commands.setAdUserRecipientTypes(dn.toString(), RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX));
    if (!cn.contains("\n") && !cn.contains("\r")) {
      assertSafe(Commands.clearUmAttributes(dn.toString(), List.of("EUM:" + cn)));
    }
  }

  @Test
  void render_json_hasStepsWithIdDescriptionPowershellAndStatus() throws Exception {
    Fixture f = new Fixture();
    Plan plan = f.converter.plan(DemoCast.JANE.value(), Fixture.departing());
    RunResult dry = f.runner().dryRun(plan);
    JsonNode root = new ObjectMapper().readTree(PlanRenderer.render(plan, Optional.of(dry), PlanRenderer.Format.JSON));
    assertThat(root.path("id").asText()).isEqualTo("mailbox-to-shared:jane.doe@contoso.com");
    assertThat(root.path("notes").get(0).asText()).startsWith("SYNCED");
    JsonNode steps = root.path("steps");
    assertThat(steps.size()).isEqualTo(plan.steps().size());
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      assertThat(s.path("id").asText()).isEqualTo(plan.stepIds().get(i));
      assertThat(s.path("description").asText()).isNotBlank();
      assertThat(s.path("powershell").isArray()).isTrue();
      assertThat(s.path("powershell").size()).isPositive();
      assertThat(s.path("status").asText()).isEqualTo("WOULD_APPLY");
    }
    assertThat(steps.get(0).path("powershell").get(0).asText()).isEqualTo("Set-RemoteMailbox -Identity 'jane.doe@contoso.com' -Type Shared");
  }

  @Test
  void render_text_showsNotesAndNothingToDo() {
    Fixture f = new Fixture();
    f.runner().run(f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared())).orThrow();
    String text = PlanRenderer.render(f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared()), PlanRenderer.Format.TEXT);
    assertThat(text).contains("nothing to do").contains("ALREADY_SHARED");
  }
}
