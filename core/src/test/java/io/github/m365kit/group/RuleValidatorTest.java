package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.group.RuleFinding.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleValidatorTest {

    private static List<RuleFinding> findings(String rule) {
        return GroupMembershipRule.parse(rule).validate();
    }

    private static List<Kind> errorKinds(String rule) {
        return findings(rule).stream().filter(RuleFinding::isError).map(RuleFinding::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "user.objectId -ne null",
        "(user.objectId -ne null) -and (user.userType -eq \"Member\")",
        "user.assignedPlans -any (assignedPlan.servicePlanId -eq \"efb87545-963c-4e0d-99df-69c6916d9eb0\" -and"
            + " assignedPlan.capabilityStatus -eq \"Enabled\")",
        "user.assignedPlans -all (assignedPlan.servicePlanId -eq null)",
        "(user.proxyAddresses -any (_ -startsWith \"contoso\"))",
        "user.extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber -eq \"123\"",
        "user.employeeHireDate -ge system.now -plus p1d",
        "user.employeeHireDate -le \"2024-05-01T00:00:00Z\"",
        "Direct Reports for \"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\"",
        "device.objectId -ne null",
        "device.devicePhysicalIds -any _ -startsWith \"[ZTDId]\"",
        "user.accountEnabled -eq true -and user.mail -in [\"a@b.c\",\"d@e.f\"]",
        "user.memberof -any (group.objectId -in ['g1','g2'])",
    })
    void validate_whenDocumentedRule_hasNoErrors(String rule) {
        assertThat(errorKinds(rule)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "user.departmnt -eq \"x\"|UNKNOWN_PROPERTY|1",
        "user.city -eq \"x\" -and user.Department -eq \"y\"|UNKNOWN_PROPERTY|24",
        "user.accountEnabled -startsWith \"t\"|OPERATOR_NOT_ALLOWED|1",
        "user.city -le \"x\"|OPERATOR_NOT_ALLOWED|1",
        "user.accountEnabled -eq \"yes\"|VALUE_TYPE_MISMATCH|1",
        "user.employeeHireDate -ge \"last week\"|VALUE_TYPE_MISMATCH|1",
        "user.employeeHireDate -startsWith \"2024\"|OPERATOR_NOT_ALLOWED|1",
        "user.proxyAddresses -contains \"smtp:a@b.c\"|CONTAINS_ON_COLLECTION|1",
        "user.otherMails -eq \"a@b.c\"|OPERATOR_NOT_ALLOWED|1",
        "user.department -eq [\"a\",\"b\"]|EQ_WITH_LIST|1",
        "user.department -in \"a\"|LIST_REQUIRED|1",
        "user.mail -startsWith null|NULL_OPERATOR|1",
        "user.city -eq \"a\" -and -not (user.mail -eq null)|NOT_WITH_NULL|24",
        "Direct Reports for \"m\" -and user.city -eq \"a\"|DIRECT_REPORTS_COMBINED|1",
        "user.city -eq \"a\" -or device.deviceOSType -eq \"Windows\"|MIXED_USER_AND_DEVICE|23",
        "user.city -any (_ -eq \"a\")|COLLECTION_SCOPE|1",
        "_ -eq \"a\"|COLLECTION_SCOPE|1",
        "user.proxyAddresses -any (assignedPlan.service -eq \"x\")|COLLECTION_SCOPE|27",
        "user.city -match \"(unclosed\"|INVALID_REGEX|1",
        "user.city -eq \"a\" -and user.memberof -any (group.objectId -in ['g'])|MEMBER_OF_COMBINED|24",
        "user.assignedPlans -eq \"x\"|OPERATOR_NOT_ALLOWED|1",
    })
    void validate_whenRuleBreaksARule_reportsErrorAtColumn(String rule, Kind kind, int column) {
        assertThat(findings(rule)).filteredOn(f -> f.kind() == kind)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.isError()).isTrue();
                    assertThat(f.column()).isEqualTo(column);
                });
    }

    @Test
    void validate_whenWrongCase_suggestsCorrectName() {
        assertThat(findings("user.Department -eq \"x\"")).filteredOn(f -> f.kind() == Kind.UNKNOWN_PROPERTY)
                .singleElement().extracting(RuleFinding::message).asString()
                .contains("did you mean user.department?");
    }

    @Test
    void validate_whenMemberOfHasMoreThan50Groups_reportsError() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            ids.append(i == 0 ? "" : ",").append("'g").append(i).append('\'');
        }
        assertThat(errorKinds("user.memberOf -any (group.objectId -in [" + ids + "])"))
                .containsExactly(Kind.MEMBER_OF_TOO_MANY_GROUPS);
    }

    @Test
    void validate_whenMemberOf_warnsPreview() {
        assertThat(findings("user.memberOf -any (group.objectId -in ['g'])")).extracting(RuleFinding::kind)
                .containsExactly(Kind.MEMBER_OF_PREVIEW);
    }

    @Test
    void validate_whenUserInfluenceableAttribute_warns() {
        List<RuleFinding> f = findings("user.department -eq \"Finance\" -and user.mail -ne null");
        assertThat(f).extracting(RuleFinding::kind).containsExactly(Kind.USER_INFLUENCEABLE_ATTRIBUTE);
        assertThat(f.get(0).severity()).isEqualTo(RuleFinding.Severity.WARNING);
        assertThat(f.get(0).message()).contains("user.department", "Maester");
    }

    @ParameterizedTest
    @ValueSource(strings = {"match", "notMatch", "contains", "notContains"})
    void validate_whenSlowOperator_warns(String op) {
        assertThat(findings("user.mail -" + op + " \"x\"")).extracting(RuleFinding::kind)
                .containsExactly(Kind.SLOW_OPERATOR);
    }

    @Test
    void validate_whenOrChainOfEq_suggestsInList() {
        assertThat(findings("user.mail -eq \"a\" -or user.mail -eq \"b\"")).extracting(RuleFinding::kind)
                .containsExactly(Kind.USE_IN_LIST);
        assertThat(findings("user.mail -ne \"a\" -and user.mail -ne \"b\"")).extracting(RuleFinding::kind)
                .containsExactly(Kind.USE_IN_LIST);
    }

    @Test
    void validate_whenTypographicDash_includesParserWarning() {
        assertThat(findings("user.mail \u2013ne null")).extracting(RuleFinding::kind)
                .containsExactly(Kind.TYPOGRAPHIC_DASH);
    }

    @Test
    void requireValid_whenErrors_throwsWithAllErrors() {
        GroupMembershipRule rule = GroupMembershipRule.parse("user.nope -eq 1 -or device.nope -eq 2");
        assertThatThrownBy(rule::requireValid).isInstanceOfSatisfying(RuleValidationException.class,
                e -> assertThat(e.errors()).extracting(RuleFinding::kind).containsExactly(Kind.UNKNOWN_PROPERTY,
                        Kind.UNKNOWN_PROPERTY, Kind.MIXED_USER_AND_DEVICE));
    }

    @Test
    void validate_whenBuiltRuleIsTooLong_reportsTooLong() {
        RuleExpression e = UserProperty.MAIL.in(java.util.Collections.nCopies(200, "someone@contoso.com"));
        assertThat(GroupMembershipRule.of(e).validate()).extracting(RuleFinding::kind).containsExactly(Kind.TOO_LONG);
    }
}
