package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.group.RuleFinding.Kind;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator's messages and the less common paths: nested predicates, memberOf counting, scope hints. */
class RuleValidatorFindingsTest {

    private static List<RuleFinding> findings(String rule) {
        return GroupMembershipRule.parse(rule).validate();
    }

    private static List<String> messages(String rule, Kind kind) {
        return findings(rule).stream().filter(f -> f.kind() == kind).map(RuleFinding::message).toList();
    }

    private static String groupList(int n) {
        return IntStream.range(0, n).mapToObj(i -> "'g" + i + "'").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void directReports_countsAsAUserRuleWhenMixedWithDevices() {
        assertThat(messages("Direct Reports for \"m\" -and device.deviceOSType -eq \"Windows\"", Kind.MIXED_USER_AND_DEVICE))
                .containsExactly("a rule cannot mix user and device properties (user.manager and device.deviceOSType)");
    }

    @Test
    void mixedRule_namesTheFirstUserAndDevicePropertyEvenWithoutColumns() {
        // a rule built in code has no columns (all 0); the first property seen must still be the one named
        RuleExpression e = RuleExpression.allOf(UserProperty.CITY.eq("a"), UserProperty.DEPARTMENT.eq("b"),
                DeviceProperty.DEVICE_OS_TYPE.eq("Windows"), DeviceProperty.DISPLAY_NAME.eq("x"));
        assertThat(GroupMembershipRule.of(e).validate()).filteredOn(f -> f.kind() == Kind.MIXED_USER_AND_DEVICE)
                .singleElement().extracting(RuleFinding::message)
                .isEqualTo("a rule cannot mix user and device properties (user.city and device.deviceOSType)");
    }

    @Test
    void deviceCollectionQuantifier_countsAsADeviceProperty() {
        assertThat(findings("user.city -eq \"a\" -and device.devicePhysicalIds -any (_ -startsWith \"[ZTDId]\")"))
                .extracting(RuleFinding::kind).contains(Kind.MIXED_USER_AND_DEVICE);
    }

    @Test
    void not_checksItsOperand() {
        assertThat(findings("-not (user.departmnt -eq \"x\")")).extracting(RuleFinding::kind, RuleFinding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN_PROPERTY, 7));
    }

    @Test
    void quantifierOverAFieldScope_isRefusedAndItsPredicateStillChecked() {
        List<RuleFinding> f = findings("assignedPlan.service -any (_ -in \"a\")");
        assertThat(f).extracting(RuleFinding::message).containsExactlyInAnyOrder(
                "-any needs a user. or device. collection, not assignedPlan.service",
                "_ can only be used inside -any/-all over a multi-valued string property",
                "-in needs a [list] of values");
    }

    @Test
    void quantifierOverAnUnknownCollection_stillChecksThePredicateAsStrings() {
        List<RuleFinding> f = findings("user.proxyAdresses -any (_ -in \"a\")");
        assertThat(f).extracting(RuleFinding::kind).containsExactlyInAnyOrder(Kind.UNKNOWN_PROPERTY, Kind.LIST_REQUIRED);
    }

    @Test
    void memberOfWithAll_isRefused() {
        assertThat(messages("user.memberOf -all (group.objectId -in ['g1'])", Kind.OPERATOR_NOT_ALLOWED))
                .containsExactly("memberOf is documented with -any only");
    }

    @Test
    void memberOf_exactly50GroupsIsAccepted() {
        assertThat(findings("user.memberOf -any (group.objectId -in " + groupList(50) + ")"))
                .extracting(RuleFinding::kind).containsExactly(Kind.MEMBER_OF_PREVIEW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "group.objectId -in %s -or group.objectId -in %s",
        "group.objectId -in %s -and group.objectId -notIn %s",
    })
    void memberOf_countsGroupsAcrossAndOrOperands(String predicate) {
        String rule = "user.memberOf -any (" + String.format(predicate, groupList(30), groupList(21)) + ")";
        assertThat(messages(rule, Kind.MEMBER_OF_TOO_MANY_GROUPS)).containsExactly("a memberOf rule can name at most 50 groups, found 51");
    }

    @Test
    void memberOf_countsGroupsUnderNotAndSingleValues() {
        assertThat(messages("user.memberOf -any (-not (group.objectId -in " + groupList(51) + "))", Kind.MEMBER_OF_TOO_MANY_GROUPS))
                .containsExactly("a memberOf rule can name at most 50 groups, found 51");
        assertThat(messages("user.memberOf -any (group.objectId -in " + groupList(50) + " -or group.objectId -eq 'x')",
                Kind.MEMBER_OF_TOO_MANY_GROUPS)).containsExactly("a memberOf rule can name at most 50 groups, found 51");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "_ -eq \"a\"|_ can only be used inside -any/-all over a multi-valued string property",
        "assignedPlan.service -eq \"x\"|assignedPlan.service can only be used inside user.assignedPlans -any/-all",
        "group.objectId -in ['g']|group.objectId can only be used inside memberOf -any",
    })
    void fieldOutsideItsCollection_saysWhereItBelongs(String rule, String message) {
        assertThat(messages(rule, Kind.COLLECTION_SCOPE)).containsExactly(message);
    }

    @Test
    void listWithWrongOperator_namesTheRightOne() {
        assertThat(messages("user.department -ne [\"a\",\"b\"]", Kind.EQ_WITH_LIST))
                .containsExactly("-ne cannot compare with a list; use -notIn");
        assertThat(messages("user.department -eq [\"a\",\"b\"]", Kind.EQ_WITH_LIST))
                .containsExactly("-eq cannot compare with a list; use -in");
        assertThat(messages("user.department -startsWith [\"a\",\"b\"]", Kind.OPERATOR_NOT_ALLOWED))
                .containsExactly("a [list] can only be used with -in or -notIn, not -startsWith");
    }

    @Test
    void boolProperty_acceptsTrueFalseNullAndQuotedTrueFalse() {
        for (String v : List.of("true", "FALSE", "null", "\"True\"", "\"false\"")) {
            assertThat(findings("user.accountEnabled -eq " + v)).as(v).isEmpty();
        }
        assertThat(messages("user.accountEnabled -eq \"1\"", Kind.VALUE_TYPE_MISMATCH))
                .containsExactly("user.accountEnabled is bool; compare it with true or false");
    }

    @Test
    void systemNow_onAStringProperty_isATypeMismatch() {
        assertThat(messages("user.city -eq system.now", Kind.VALUE_TYPE_MISMATCH))
                .containsExactly("system.now can only be compared with a dateTime property");
    }

    @Test
    void dateTimeProperty_isFlaggedAsPreview() {
        List<RuleFinding> f = findings("user.employeeHireDate -ge system.now -minus P30D");
        assertThat(f).extracting(RuleFinding::kind).containsExactly(Kind.DATE_TIME_PREVIEW);
        assertThat(f.get(0).isError()).isFalse();
        assertThat(f.get(0).message()).isEqualTo("dateTime properties such as user.employeeHireDate are a preview feature");
    }

    @Test
    void wrongCase_suggestsTheDocumentedNameForDevicePlanAndExtensionAttributes() {
        assertThat(messages("device.deviceOsType -eq \"Windows\"", Kind.UNKNOWN_PROPERTY))
                .containsExactly("unknown property device.deviceOsType; property names are case-sensitive, did you mean device.deviceOSType?");
        assertThat(messages("user.assignedPlans -any (assignedPlan.ServicePlanId -eq \"x\")", Kind.UNKNOWN_PROPERTY))
                .containsExactly("unknown property assignedPlan.ServicePlanId; property names are case-sensitive, did you mean assignedPlan.servicePlanId?");
        assertThat(messages("user.extensionattribute7 -eq \"x\"", Kind.UNKNOWN_PROPERTY))
                .containsExactly("unknown property user.extensionattribute7; property names are case-sensitive, did you mean user.extensionAttribute7?");
        assertThat(messages("user.memberOf -any (group.ObjectId -eq \"x\")", Kind.UNKNOWN_PROPERTY))
                .containsExactly("unknown property group.ObjectId");
    }
}
