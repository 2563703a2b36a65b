package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompiledRuleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    private static boolean eval(String rule, Map<String, ?> user) {
        return GroupMembershipRule.parse(rule).compile(CLOCK).test(RuleSubject.ofMap(user));
    }

    private static Map<String, Object> user(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "user.department -eq \"finance\"|FINANCE|true",
        "user.department -eq \"Finance\"|Fin|false",
        "user.department -ne \"finance\"|Finance|false",
        "user.department -ne \"finance\"|Sales|true",
        "user.department -startsWith \"FIN\"|finance|true",
        "user.department -notStartsWith \"FIN\"|finance|false",
        "user.department -endsWith \"ANCE\"|Finance|true",
        "user.department -notEndsWith \"x\"|Finance|true",
        "user.department -contains \"NAN\"|Finance|true",
        "user.department -notContains \"NAN\"|Finance|false",
        "user.department -match \"^f.n\"|Finance|true",
        "user.department -match \"nan\"|Finance|true",
        "user.department -notMatch \"^x\"|Finance|true",
        "user.department -in [\"sales\",\"FINANCE\"]|Finance|true",
        "user.department -notIn [\"sales\",\"FINANCE\"]|Finance|false",
        "user.department -in [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"FINANCE\"]|finance|true",
        "user.department -in [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]|finance|false",
        "user.department -eq \"\u00C9QUIPE\"|\u00E9quipe|true",
    })
    void test_whenStringOperator_comparesCaseInsensitively(String rule, String department, boolean expected) {
        assertThat(eval(rule, user("department", department))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "user.department -eq null|true",
        "user.department -ne null|false",
        "user.department -eq \"x\"|false",
        "user.department -ne \"x\"|true",
        "user.department -startsWith \"x\"|false",
        "user.department -notStartsWith \"x\"|true",
        "user.department -in [\"x\"]|false",
        "user.department -notIn [\"x\"]|true",
        "user.department -match \".*\"|false",
        "user.accountEnabled -eq true|false",
        "user.accountEnabled -eq false|false",
        "user.accountEnabled -ne true|true",
        "user.employeeHireDate -le system.now|false",
        "user.proxyAddresses -any (_ -eq \"x\")|false",
        "user.proxyAddresses -all (_ -eq \"x\")|true",
        "user.assignedPlans -all (assignedPlan.servicePlanId -eq null)|true",
    })
    void test_whenPropertyMissing_followsNullSemantics(String rule, boolean expected) {
        assertThat(eval(rule, user("userPrincipalName", "a@contoso.com"))).isEqualTo(expected);
    }

    @Test
    void test_whenNullPropertyIsExplicitJsonNull_treatsAsMissing() {
        assertThat(eval("user.mail -eq null", user("mail", null))).isTrue();
        assertThat(eval("user.mail -ne null", user("mail", "a@b.c"))).isTrue();
    }

    @Test
    void test_whenBooleanProperty_comparesBool() {
        assertThat(eval("user.accountEnabled -eq true", user("accountEnabled", true))).isTrue();
        assertThat(eval("user.accountEnabled -eq false", user("accountEnabled", true))).isFalse();
        assertThat(eval("user.accountEnabled -ne false", user("accountEnabled", true))).isTrue();
        assertThat(eval("user.dirSyncEnabled -eq true", user("onPremisesSyncEnabled", true))).isTrue();
    }

    @Test
    void test_whenAssignedPlansAny_matchesOnlyEnabledPlan() {
        String rule = "user.assignedPlans -any (assignedPlan.servicePlanId -eq \"EFB87545-963c-4e0d-99df-69c6916d9eb0\""
                + " -and assignedPlan.capabilityStatus -eq \"Enabled\")";
        Map<String, Object> enabled = Map.of("servicePlanId", "efb87545-963c-4e0d-99df-69c6916d9eb0",
                "capabilityStatus", "Enabled", "service", "exchange");
        Map<String, Object> deleted = Map.of("servicePlanId", "efb87545-963c-4e0d-99df-69c6916d9eb0",
                "capabilityStatus", "Deleted", "service", "exchange");
        Map<String, Object> other = Map.of("servicePlanId", "00000000-0000-0000-0000-000000000000",
                "capabilityStatus", "Enabled", "service", "SharePoint");
        assertThat(eval(rule, user("assignedPlans", List.of(other, enabled)))).isTrue();
        assertThat(eval(rule, user("assignedPlans", List.of(other, deleted)))).isFalse();
        assertThat(eval(rule, user("assignedPlans", List.of()))).isFalse();
        assertThat(eval("user.assignedPlans -all (assignedPlan.capabilityStatus -eq \"enabled\")",
                user("assignedPlans", List.of(other, enabled)))).isTrue();
        assertThat(eval("user.assignedPlans -all (assignedPlan.capabilityStatus -eq \"enabled\")",
                user("assignedPlans", List.of(other, deleted)))).isFalse();
        assertThat(eval("user.assignedPlans -all (assignedPlan.servicePlanId -eq null)",
                user("assignedPlans", List.of(other)))).isFalse();
    }

    @Test
    void test_whenUnderscoreLambda_checksEachItem() {
        Map<String, Object> u = user("proxyAddresses", List.of("SMTP:a@contoso.com", "smtp:a@fabrikam.com"));
        assertThat(eval("user.proxyAddresses -any (_ -startsWith \"smtp:a@fab\")", u)).isTrue();
        assertThat(eval("user.proxyAddresses -all (_ -startsWith \"smtp:\")", u)).isTrue();
        assertThat(eval("user.proxyAddresses -all (_ -endsWith \"contoso.com\")", u)).isFalse();
        assertThat(eval("user.proxyAddresses -any (_ -in [\"x\",\"SMTP:A@CONTOSO.COM\"])", u)).isTrue();
        assertThat(eval("user.otherMails -any (_ -eq \"x@y.z\")", user("otherMails", List.of("X@Y.Z")))).isTrue();
    }

    @Test
    void test_whenDateTimeAndSystemNow_usesInjectedClock() {
        assertThat(eval("user.employeeHireDate -le system.now", user("employeeHireDate", "2025-06-15T11:59:59Z")))
                .isTrue();
        assertThat(eval("user.employeeHireDate -le system.now", user("employeeHireDate", "2025-06-15T12:00:01Z")))
                .isFalse();
        assertThat(eval("user.employeeHireDate -ge system.now -plus p1d",
                user("employeeHireDate", OffsetDateTime.parse("2025-06-16T12:00:00Z")))).isTrue();
        assertThat(eval("user.employeeHireDate -ge system.now -plus p1d",
                user("employeeHireDate", Instant.parse("2025-06-16T11:00:00Z")))).isFalse();
        assertThat(eval("user.employeeHireDate -ge system.now -minus P30D",
                user("employeeHireDate", "2025-05-20T00:00:00+02:00"))).isTrue();
        assertThat(eval("user.employeeHireDate -le \"2025-01-01\"",
                user("employeeHireDate", "2024-12-31T23:59:59Z"))).isTrue();
        assertThat(eval("user.employeeHireDate -ge \"2025-01-01T00:00:00Z\"",
                user("employeeHireDate", "not a date"))).isFalse();
    }

    @Test
    void test_whenRuleNamesDifferFromGraphNames_readsGraphNames() {
        Map<String, Object> u = user("id", "42", "mobilePhone", "+1 555", "officeLocation", "B1",
                "onPremisesExtensionAttributes", Map.of("extensionAttribute15", "Marketing"),
                "extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber", "123",
                "businessPhones", List.of("+44 20"), "mailNickname", "nick", "faxNumber", "f");
        assertThat(eval("user.objectId -eq \"42\"", u)).isTrue();
        assertThat(eval("user.mobile -eq \"+1 555\"", u)).isTrue();
        assertThat(eval("user.physicalDeliveryOfficeName -eq \"b1\"", u)).isTrue();
        assertThat(eval("user.extensionAttribute15 -eq \"marketing\"", u)).isTrue();
        assertThat(eval("user.extensionAttribute14 -eq null", u)).isTrue();
        assertThat(eval("user.extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber -eq \"123\"", u)).isTrue();
        assertThat(eval("user.telephoneNumber -startsWith \"+44\"", u)).isTrue();
        assertThat(eval("user.mailNickName -eq \"NICK\"", u)).isTrue();
        assertThat(eval("user.facsimileTelephoneNumber -eq \"F\"", u)).isTrue();
    }

    @Test
    void test_whenLogicalOperators_followPrecedence() {
        String rule = "user.city -eq \"a\" -or user.city -eq \"b\" -and user.country -eq \"x\"";
        assertThat(eval(rule, user("city", "a", "country", "y"))).isTrue();
        assertThat(eval(rule, user("city", "b", "country", "y"))).isFalse();
        assertThat(eval("(user.city -eq \"a\" -or user.city -eq \"b\") -and user.country -eq \"x\"",
                user("city", "a", "country", "y"))).isFalse();
        assertThat(eval("-not user.city -eq \"a\" -and user.country -eq \"x\"", user("city", "b", "country", "x")))
                .isTrue();
        assertThat(eval("-not user.city -eq \"a\" -and user.country -eq \"x\"", user("city", "a", "country", "x")))
                .isFalse();
        assertThat(eval("-not (user.city -eq \"a\" -or user.city -eq \"b\")", user("city", "b"))).isFalse();
        assertThat(eval("-not (user.city -eq \"a\" -or user.city -eq \"b\")", user("city", "c"))).isTrue();
    }

    @Test
    void test_whenDirectReports_matchesManagerId() {
        String rule = "Direct Reports for \"AAAA-1\"";
        assertThat(eval(rule, user("manager", Map.of("id", "aaaa-1")))).isTrue();
        assertThat(eval(rule, user("manager", "aaaa-1"))).isTrue();
        assertThat(eval(rule, user("manager", Map.of("id", "bbbb")))).isFalse();
        assertThat(eval(rule, user())).isFalse();
    }

    @Test
    void test_whenMemberOf_matchesSuppliedGroupIds() {
        String rule = "user.memberOf -any (group.objectId -in ['G1','g2'])";
        assertThat(eval(rule, user("memberOf", List.of("x", "g1")))).isTrue();
        assertThat(eval(rule, user("memberOf", List.of(Map.of("id", "G2"))))).isTrue();
        assertThat(eval(rule, user("memberOf", List.of("x")))).isFalse();
    }

    @Test
    void test_whenDeviceRule_readsDeviceGraphNames() {
        assertThat(eval("device.deviceOSType -eq \"windows\" -and device.devicePhysicalIds -any (_ -startsWith"
                + " \"[ZTDId]\")", user("operatingSystem", "Windows", "physicalIds", List.of("[ZTDId]:abc"))))
                .isTrue();
    }

    @Test
    void compile_whenRuleInvalid_throwsValidationException() {
        assertThatThrownBy(() -> GroupMembershipRule.parse("user.nope -eq \"x\"").compile(CLOCK))
                .isInstanceOf(RuleValidationException.class).hasMessageContaining("user.nope");
    }

    @Test
    void graphProperties_whenCompiled_listsGraphNames() {
        assertThat(GroupMembershipRule.parse("user.objectId -ne null -and user.extensionAttribute3 -eq \"x\"")
                .compile(CLOCK).graphProperties())
                .containsExactlyInAnyOrder("id", "onPremisesExtensionAttributes.extensionAttribute3");
    }
}
