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

  @Test
  void param_rendersNumbersUnquotedListsQuotedAndFixedExpressionsAsWritten() {
    assertThat(PowerShell.command("Set-Mailbox").param("Identity", "jane").param("ProhibitSendQuota", 52428800L).param("HiddenFromAddressListsEnabled", true).toString())
        .isEqualTo("Set-Mailbox -Identity 'jane' -ProhibitSendQuota 52428800 -HiddenFromAddressListsEnabled $true");
    assertThat(PowerShell.command("Set-Mailbox").listParam("EmailAddresses", List.of("smtp:a@x.com", "o'b@x.com"))
        .expressionParam("StartTime", "([System.DateTime]::UtcNow)").toString())
        .isEqualTo("Set-Mailbox -EmailAddresses 'smtp:a@x.com','o''b@x.com' -StartTime ([System.DateTime]::UtcNow)");
  }

  /** Three switch steps; b fails with a permanent error. */
  private static Plan switches(List<String> notes) {
    List<Step> steps = new java.util.ArrayList<>();
    for (String n : List.of("a", "b", "c")) {
      steps.add(Step.builder().id(n).description("turn on " + n).powershell(PowerShell.command("Set-Switch").param("Identity", n))
          .isDone(() -> false).apply(() -> {
            if (n.equals("b")) {
              throw new io.github.m365kit.BackendException("test", "x", "boom", null);
            }
          }).verify(() -> true).build());
    }
    return new Plan("switches", "Turn switches on", steps, notes);
  }

  @Test
  void text_numbersTheStepsAndShowsEachStatusAndWhereTheRunStopped() {
    Plan plan = switches(List.of("one note"));
    assertThat(PlanRenderer.render(plan, PlanRenderer.Format.TEXT)).isEqualTo("""
        Turn switches on
          note: one note
          1. turn on a
               PS> Set-Switch -Identity 'a'
          2. turn on b
               PS> Set-Switch -Identity 'b'
          3. turn on c
               PS> Set-Switch -Identity 'c'
        """);
    RunResult r = PlanRunner.builder().retryPolicy(RetryPolicy.none()).build().run(plan);
    assertThat(PlanRenderer.render(plan, Optional.of(r), PlanRenderer.Format.TEXT)).isEqualTo("""
        Turn switches on
          note: one note
          1. turn on a  [APPLIED]
               PS> Set-Switch -Identity 'a'
          2. turn on b  [FAILED] plan switches stopped at step 'b': boom
               PS> Set-Switch -Identity 'b'
          3. turn on c  [NOT_RUN]
               PS> Set-Switch -Identity 'c'
          stopped: plan switches stopped at step 'b': boom
        """);
  }

  @Test
  void text_ofAnEmptyPlanSaysThereIsNothingToDo() {
    Plan empty = new Plan("p", "Convert jane to shared", List.of(), List.of("already a shared mailbox"));
    assertThat(PlanRenderer.render(empty, PlanRenderer.Format.TEXT)).isEqualTo("""
        Convert jane to shared
          note: already a shared mailbox
          nothing to do
        """);
    assertThat(PlanRenderer.render(empty, PlanRenderer.Format.POWERSHELL)).isEqualTo("# Convert jane to shared\n# note: already a shared mailbox\n");
  }

  @Test
  void powershell_isAScriptWithNumberedStepComments() {
    assertThat(PlanRenderer.render(switches(List.of("two\nlines")), PlanRenderer.Format.POWERSHELL)).isEqualTo("""
        # Turn switches on
        # note: two lines

        # 1. turn on a
        Set-Switch -Identity 'a'

        # 2. turn on b
        Set-Switch -Identity 'b'

        # 3. turn on c
        Set-Switch -Identity 'c'
        """);
  }

  @Test
  void json_afterAFailedRunHasStatusesTheStepMessageAndTheFailure() throws Exception {
    Plan plan = switches(List.of("first note", "second note"));
    RunResult r = PlanRunner.builder().retryPolicy(RetryPolicy.none()).build().run(plan);
    JsonNode json = new ObjectMapper().readTree(PlanRenderer.render(plan, Optional.of(r), PlanRenderer.Format.JSON));
    assertThat(json.get("title").asText()).isEqualTo("Turn switches on");
    assertThat(json.get("notes")).extracting(JsonNode::asText).containsExactly("first note", "second note");
    JsonNode steps = json.get("steps");
    assertThat(steps.get(0).get("status").asText()).isEqualTo("APPLIED");
    assertThat(steps.get(0).has("message")).isFalse();
    assertThat(steps.get(1).get("status").asText()).isEqualTo("FAILED");
    assertThat(steps.get(1).get("message").asText()).isEqualTo("plan switches stopped at step 'b': boom");
    assertThat(steps.get(2).get("status").asText()).isEqualTo("NOT_RUN");
    assertThat(json.get("dryRun").asBoolean()).isFalse();
    assertThat(json.get("succeeded").asBoolean()).isFalse();
    assertThat(json.get("failure").asText()).isEqualTo("plan switches stopped at step 'b': boom");
    JsonNode before = new ObjectMapper().readTree(PlanRenderer.render(plan, PlanRenderer.Format.JSON));
    assertThat(before.has("failure")).isFalse();
    assertThat(before.has("succeeded")).isFalse();
    assertThat(before.get("steps").get(1).has("status")).isFalse();
  }
}
