package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupMembershipRuleBuilderTest {

    @Test
    void build_whenFinancePlusFourPeople_givesOneReadableRule() {
        GroupMembershipRule rule = GroupMembershipRuleBuilder.where(UserProperty.DEPARTMENT.eq("Finance"))
                .orAnyOf(UserProperty.MAIL, "user1@domain.com", "user2@domain.com", "user3@domain.com",
                        "user4@domain.com")
                .build();
        assertThat(rule.toRuleText()).isEqualTo("user.department -eq \"Finance\" -or user.mail -in"
                + " [\"user1@domain.com\",\"user2@domain.com\",\"user3@domain.com\",\"user4@domain.com\"]");
        assertThat(rule).isEqualTo(GroupMembershipRule.parse(RuleSimplifierTest.SEED).simplify());
    }

    @Test
    void build_whenOrThenAnd_groupsLeftToRight() {
        String text = GroupMembershipRuleBuilder.where(UserProperty.CITY.eq("a")).or(UserProperty.CITY.eq("b"))
                .and(UserProperty.ACCOUNT_ENABLED.isTrue()).toRuleText();
        assertThat(text).isEqualTo("(user.city -eq \"a\" -or user.city -eq \"b\") -and user.accountEnabled -eq true");
    }

    @Test
    void build_whenValueHasQuotes_escapesThem() {
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.DISPLAY_NAME.eq("O'Brien \"Bob\" `x`"))
                .toRuleText()).isEqualTo("user.displayName -eq \"O''Brien `\"Bob`\" ``x``\"");
    }

    @Test
    void build_whenTypedHelpers_printDocumentedForms() {
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.ASSIGNED_PLANS.anyEnabled(
                "efb87545-963c-4e0d-99df-69c6916d9eb0")).toRuleText())
                .isEqualTo("user.assignedPlans -any (assignedPlan.servicePlanId -eq"
                        + " \"efb87545-963c-4e0d-99df-69c6916d9eb0\" -and assignedPlan.capabilityStatus -eq \"Enabled\")");
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.ASSIGNED_PLANS.none()).toRuleText())
                .isEqualTo("user.assignedPlans -all (assignedPlan.servicePlanId -eq null)");
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.PROXY_ADDRESSES.anyStartsWith("contoso"))
                .toRuleText()).isEqualTo("user.proxyAddresses -any (_ -startsWith \"contoso\")");
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.EMPLOYEE_HIRE_DATE.onOrAfterNowPlus(
                Duration.ofDays(-30))).toRuleText()).isEqualTo("user.employeeHireDate -ge system.now -minus P30D");
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.EMPLOYEE_HIRE_DATE.onOrBefore(
                OffsetDateTime.parse("2024-01-01T00:00:00Z"))).toRuleText())
                .isEqualTo("user.employeeHireDate -le \"2024-01-01T00:00:00Z\"");
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.extensionAttribute(15).eq("Marketing"))
                .toRuleText()).isEqualTo("user.extensionAttribute15 -eq \"Marketing\"");
        assertThat(GroupMembershipRuleBuilder.where(UserProperty.directoryExtension(
                "c272a57b-722d-4eb2-9bfe-327874ae79cb", "OfficeNumber").eq("123")).toRuleText())
                .isEqualTo("user.extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber -eq \"123\"");
        assertThat(GroupMembershipRuleBuilder.directReportsOf("m-1").toRuleText())
                .isEqualTo("Direct Reports for \"m-1\"");
        assertThat(GroupMembershipRuleBuilder.allOf(UserProperty.OBJECT_ID.isNotNull(),
                UserProperty.USER_TYPE.eq("Member")).exceptAnyOf(UserProperty.MAIL, "x@y.z").toRuleText())
                .isEqualTo("user.objectId -ne null -and user.userType -eq \"Member\" -and user.mail -notIn [\"x@y.z\"]");
        assertThat(GroupMembershipRuleBuilder.where(DeviceProperty.DEVICE_PHYSICAL_IDS.anyStartsWith("[ZTDId]"))
                .and(DeviceProperty.DEVICE_OS_TYPE.eq("Windows")).toRuleText())
                .isEqualTo("device.devicePhysicalIds -any (_ -startsWith \"[ZTDId]\") -and device.deviceOSType -eq"
                        + " \"Windows\"");
    }

    @Test
    void build_whenUserAndDeviceMixed_throws() {
        assertThatThrownBy(() -> GroupMembershipRuleBuilder.where(UserProperty.CITY.eq("a"))
                .or(DeviceProperty.DEVICE_MODEL.eq("b")).build())
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.errors())
                        .extracting(RuleFinding::kind).containsExactly(RuleFinding.Kind.MIXED_USER_AND_DEVICE));
    }

    @Test
    void build_whenDirectReportsCombined_throws() {
        assertThatThrownBy(() -> GroupMembershipRuleBuilder.directReportsOf("m").and(UserProperty.CITY.eq("a"))
                .build()).isInstanceOf(RuleValidationException.class).hasMessageContaining("Direct Reports");
    }

    @Test
    void typedProperties_whenBadArguments_rejectThem() {
        assertThatThrownBy(() -> UserProperty.extensionAttribute(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserProperty.directoryExtension("nope", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserProperty.MAIL.in(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserProperty.MAIL.match("(")).isInstanceOf(java.util.regex.PatternSyntaxException.class);
        assertThatThrownBy(() -> UserProperty.MAIL.eq(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value == null");
        assertThatThrownBy(() -> UserProperty.OTHER_MAILS.any(RuleOperator.IN, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_whenEveryUserConstant_isKnownToValidator() throws Exception {
        for (java.lang.reflect.Field f : UserProperty.class.getFields()) {
            Object p = f.get(null);
            if (p instanceof StringProperty) {
                assertThat(GroupMembershipRuleBuilder.where(((StringProperty) p).isNotNull()).build()).isNotNull();
            }
        }
        for (java.lang.reflect.Field f : DeviceProperty.class.getFields()) {
            Object p = f.get(null);
            if (p instanceof StringProperty) {
                assertThat(GroupMembershipRuleBuilder.where(((StringProperty) p).isNotNull()).build()).isNotNull();
            }
        }
    }
}
