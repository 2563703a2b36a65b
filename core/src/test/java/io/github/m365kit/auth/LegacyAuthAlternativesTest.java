package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.m365kit.model.ObjectId;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LegacyAuthAlternativesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectId breakGlass = ObjectId.of("8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c");

  @Test
  void caPolicy_byDefault_isReportOnlyBlockForEasAndOtherClients() throws IOException {
    JsonNode root = JSON.readTree(LegacyAuthBlockPolicy.builder().excludeUser(breakGlass).build().toGraphJson());
    assertThat(root.get("displayName").asText()).isEqualTo("Block legacy authentication");
    assertThat(root.get("state").asText()).isEqualTo("enabledForReportingButNotEnforced");
    JsonNode c = root.get("conditions");
    assertThat(c.get("clientAppTypes")).extracting(JsonNode::asText).containsExactly("exchangeActiveSync", "other");
    assertThat(c.at("/users/includeUsers")).extracting(JsonNode::asText).containsExactly("All");
    assertThat(c.at("/users/excludeUsers")).extracting(JsonNode::asText).containsExactly("8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c");
    assertThat(c.at("/applications/includeApplications")).extracting(JsonNode::asText).containsExactly("All");
    assertThat(root.at("/grantControls/operator").asText()).isEqualTo("OR");
    assertThat(root.at("/grantControls/builtInControls")).extracting(JsonNode::asText).containsExactly("block");
  }

  @Test
  void caPolicy_enforce_isEnabled_andHostileDisplayNameStaysOneJsonString() throws IOException {
    String name = "Block \"legacy\"\\ auth\n\",\"state\":\"disabled";
    String json = LegacyAuthBlockPolicy.builder().displayName(name).enforce(true).build().toGraphJson();
    JsonNode root = JSON.readTree(json);
    assertThat(root.get("state").asText()).isEqualTo("enabled");
    assertThat(root.get("displayName").asText()).isEqualTo(name);
    assertThat(root.at("/conditions/users/excludeUsers")).isEmpty();
  }

  @Test
  void kqlLiteral_escapesQuotesBackslashesAndLineBreaks() {
    assertThat(LegacyAuthKql.literal("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
  }

  @Test
  void kql_queriesBothTablesForNonModernClients_summarisedLikeTheAudit() {
    String q = LegacyAuthKql.builder().lookback(Duration.ofDays(30)).build().query();
    assertThat(q).startsWith("union withsource=SignInTable SigninLogs, AADNonInteractiveUserSignInLogs\n");
    assertThat(q).contains("| where TimeGenerated > ago(43200m)");
    assertThat(q).contains("| where ClientAppUsed !in (\"Browser\", \"Mobile Apps and Desktop clients\")");
    assertThat(q).contains("Successes = countif(Succeeded)").contains("DistinctIps = dcount(IPAddress)").contains("by UserPrincipalName = tolower(UserPrincipalName), ClientAppUsed");
    assertThat(LegacyAuthKql.builder().nonInteractive(false).build().query()).startsWith("SigninLogs\n").doesNotContain("AADNonInteractive");
  }

  @Test
  void kql_embedsUserValuesOnlyAsEscapedLiterals() {
    String hostile = "x\") | take 1 //";
    String q = LegacyAuthKql.builder().userPrefix(hostile).excludeUser("break\"glass@contoso.com").build().query();
    assertThat(q).contains("| where UserPrincipalName startswith \"x\\\") | take 1 //\"");
    assertThat(q).contains("| where UserPrincipalName !in~ (\"break\\\"glass@contoso.com\")");
    assertThat(q.lines().filter(l -> l.startsWith("| take"))).isEmpty();
  }
}
