package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule text built in code: every typed string operator, builder joins, printing precedence, and round trips. */
class RuleTextTest {

    private static String text(RuleExpression e) {
        return GroupMembershipRule.of(e).toRuleText();
    }

    private static void assertRoundTrips(RuleExpression e) {
        assertThat(GroupMembershipRule.parse(text(e)).expression()).isEqualTo(e);
    }

    @Test
    void stringProperty_printsEveryDocumentedOperatorAndRoundTrips() {
        StringProperty d = UserProperty.DEPARTMENT;
        List<RuleExpression> all = List.of(d.eq("a"), d.ne("a"), d.startsWith("a"), d.notStartsWith("a"), d.endsWith("a"),
                d.notEndsWith("a"), d.contains("a"), d.notContains("a"), d.match("^a.*"), d.notMatch("^a.*"),
                d.in("a", "b"), d.notIn("a", "b"), d.isNull(), d.isNotNull());
        assertThat(all).extracting(RuleTextTest::text).containsExactly(
                "user.department -eq \"a\"", "user.department -ne \"a\"", "user.department -startsWith \"a\"",
                "user.department -notStartsWith \"a\"", "user.department -endsWith \"a\"",
                "user.department -notEndsWith \"a\"", "user.department -contains \"a\"",
                "user.department -notContains \"a\"", "user.department -match \"^a.*\"",
                "user.department -notMatch \"^a.*\"", "user.department -in [\"a\",\"b\"]",
                "user.department -notIn [\"a\",\"b\"]", "user.department -eq null", "user.department -ne null");
        all.forEach(RuleTextTest::assertRoundTrips);
        assertThat(d.ref()).isEqualTo(PropertyRef.user("department"));
        assertThat(d.toString()).isEqualTo("user.department");
    }

    @Test
    void builder_anyOfStartsAnOrAndFurtherOrsExtendIt() {
        GroupMembershipRuleBuilder b = GroupMembershipRuleBuilder.anyOf(UserProperty.CITY.eq("a"), UserProperty.CITY.eq("b"))
                .or(UserProperty.CITY.eq("c"));
        assertThat(b.expression()).isInstanceOfSatisfying(RuleExpression.Or.class,
                o -> assertThat(o.operands()).hasSize(3));
        assertThat(b.toRuleText()).isEqualTo("user.city -eq \"a\" -or user.city -eq \"b\" -or user.city -eq \"c\"");
    }

    @Test
    void printer_leavesAndUnderOrUnparenthesisedAndParenthesisesOrUnderAnd() {
        RuleExpression a = UserProperty.CITY.eq("a");
        RuleExpression b = UserProperty.CITY.eq("b");
        RuleExpression c = UserProperty.CITY.eq("c");
        RuleExpression orOfAnd = new RuleExpression.Or(List.of(a, new RuleExpression.And(List.of(b, c))));
        assertThat(text(orOfAnd)).isEqualTo("user.city -eq \"a\" -or user.city -eq \"b\" -and user.city -eq \"c\"");
        assertRoundTrips(orOfAnd);
        RuleExpression andOfOr = new RuleExpression.And(List.of(a, new RuleExpression.Or(List.of(b, c))));
        assertThat(text(andOfOr)).isEqualTo("user.city -eq \"a\" -and (user.city -eq \"b\" -or user.city -eq \"c\")");
        assertRoundTrips(andOfOr);
    }

    @Test
    void quote_handlesEmptyAndOneCharacterValues() {
        assertThat(RulePrinter.quote("")).isEqualTo("\"\"");
        assertThat(RulePrinter.quote("a")).isEqualTo("\"a\"");
        assertThat(RulePrinter.quote("\"")).isEqualTo("\"`\"\"");
    }

    @Test
    void rules_areEqualByTreeAndHashAccordingly() {
        GroupMembershipRule a = GroupMembershipRule.parse("user.city -eq \"a\"");
        GroupMembershipRule b = GroupMembershipRule.parse("(user.city  eq 'a')");
        GroupMembershipRule other = GroupMembershipRule.parse("user.city -eq \"b\"");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other).isNotEqualTo("user.city -eq \"a\"");
        assertThat(a.hashCode()).isNotEqualTo(other.hashCode());
    }

    @Test
    void isDeviceRule_looksThroughOrNotAndQuantifiers() {
        assertThat(GroupMembershipRule.parse("device.objectId -ne null").isDeviceRule()).isTrue();
        assertThat(GroupMembershipRule.parse("device.deviceOSType -eq \"iOS\" -or device.deviceOSType -eq \"Android\"").isDeviceRule()).isTrue();
        assertThat(GroupMembershipRule.parse("device.accountEnabled -eq true -and -not (device.deviceOwnership -eq \"Personal\")").isDeviceRule()).isTrue();
        assertThat(GroupMembershipRule.parse("-not (device.isRooted -eq true)").isDeviceRule()).isTrue();
        assertThat(GroupMembershipRule.parse("device.devicePhysicalIds -any (_ -startsWith \"[ZTDId]\")").isDeviceRule()).isTrue();
        assertThat(GroupMembershipRule.parse("user.city -eq \"a\" -or user.city -eq \"b\"").isDeviceRule()).isFalse();
        assertThat(GroupMembershipRule.parse("user.city -eq \"a\" -and -not (user.mail -eq \"x\")").isDeviceRule()).isFalse();
        assertThat(GroupMembershipRule.parse("user.proxyAddresses -any (_ -startsWith \"smtp:\")").isDeviceRule()).isFalse();
        assertThat(GroupMembershipRule.parse("Direct Reports for \"m\"").isDeviceRule()).isFalse();
    }
}
