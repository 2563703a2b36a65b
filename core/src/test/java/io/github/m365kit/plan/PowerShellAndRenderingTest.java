package io.github.m365kit.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PowerShellAndRenderingTest {

  @Test
  void quote_doublesEveryKindOfSingleQuote() {
    assertThat(PowerShell.quote("o'brien")).isEqualTo("'o''brien'");
    assertThat(PowerShell.quote("a\u2019b")).isEqualTo("'a\u2019\u2019b'");
    assertThat(PowerShell.quote("$(Remove-Item C:\\ -Recurse); `n")).isEqualTo("'$(Remove-Item C:\\ -Recurse); `n'");
  }

  /** Parses a PowerShell single-quoted literal the way PowerShell does; returns the value and where it ended. */
  static String unquote(String literal) {
    assertThat(literal).startsWith("'");
    StringBuilder sb = new StringBuilder();
    int i = 1;
    while (i < literal.length()) {
      char c = literal.charAt(i);
      boolean quote = c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
      if (quote) {
        if (i + 1 < literal.length() && isQuote(literal.charAt(i + 1))) {
          sb.append(c);
          i += 2;
          continue;
        }
        assertThat(i).as("the literal must end exactly at its last character").isEqualTo(literal.length() - 1);
        return sb.toString();
      }
      sb.append(c);
      i++;
    }
    throw new AssertionError("unterminated literal " + literal);
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B';
  }

  @Property
  void quote_anyInputStaysOneLiteralWithTheSameValue(@ForAll String value) {
    assertThat(unquote(PowerShell.quote(value))).isEqualTo(value);
  }

  @Test
  void command_rendersTypedValuesAndRefusesBadNames() {
    Map<String, Long> table = new LinkedHashMap<>();
    table.put("msExchRemoteRecipientType", 100L);
    table.put("msExchRecipientTypeDetails", 34359738368L);
    String ps = PowerShell.command("Set-ADUser").param("Identity", "jdoe").numberTableParam("Replace", table).toString();
    assertThat(ps).isEqualTo("Set-ADUser -Identity 'jdoe' -Replace @{msExchRemoteRecipientType=100;msExchRecipientTypeDetails=34359738368}");
    assertThat(PowerShell.command("New-AuthenticationPolicy").param("Name", "Block Basic Auth").switchParam("AllowBasicAuthSmtp", true)
        .switchParam("AllowBasicAuthImap", false).nullParam("X").toString())
        .isEqualTo("New-AuthenticationPolicy -Name 'Block Basic Auth' -AllowBasicAuthSmtp -AllowBasicAuthImap:$false -X $null");
    assertThatThrownBy(() -> PowerShell.command("Set-Mailbox; rm")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PowerShell.command("Set-Mailbox").param("Type;x", "a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renderer_jsonHasStepsWithIdDescriptionPowershellAndStatusAfterARun() throws Exception {
    Step s = Step.builder().id("set-type").description("Set the cloud mailbox type to Shared")
        .powershell(PowerShell.command("Set-Mailbox").param("Identity", "jane.doe@contoso.com").param("Type", "Shared"))
        .isDone(() -> false).apply(() -> {}).verify(() -> true).build();
    Plan plan = new Plan("p1", "Convert", List.of(s), List.of("a note"));
    RunResult r = PlanRunner.create().run(plan);
    JsonNode json = new ObjectMapper().readTree(PlanRenderer.render(plan, Optional.of(r), PlanRenderer.Format.JSON));
    assertThat(json.get("id").asText()).isEqualTo("p1");
    JsonNode step = json.get("steps").get(0);
    assertThat(step.get("id").asText()).isEqualTo("set-type");
    assertThat(step.get("description").asText()).contains("Shared");
    assertThat(step.get("powershell").get(0).asText()).isEqualTo("Set-Mailbox -Identity 'jane.doe@contoso.com' -Type 'Shared'");
    assertThat(step.get("status").asText()).isEqualTo("APPLIED");
    assertThat(json.get("succeeded").asBoolean()).isTrue();
    String text = PlanRenderer.render(plan, PlanRenderer.Format.TEXT);
    assertThat(text).contains("1. Set the cloud mailbox type to Shared").contains("PS> Set-Mailbox").contains("note: a note");
    String ps = PlanRenderer.render(new Plan("p", "Title\nwith newline", List.of(s), List.of()), PlanRenderer.Format.POWERSHELL);
    assertThat(ps).startsWith("# Title with newline\n").contains("\nSet-Mailbox -Identity");
  }
}
