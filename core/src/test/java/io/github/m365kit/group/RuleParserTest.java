package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.DirectReports;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import io.github.m365kit.group.RuleExpression.Quantifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleParserTest {

    private static RuleExpression parse(String text) {
        return GroupMembershipRule.parse(text).expression();
    }

    private static Comparison cmp(String property, RuleOperator op, String value) {
        return new Comparison(PropertyRef.user(property), op, new RuleValue.Text(value));
    }

    @ParameterizedTest
    @EnumSource(RuleOperator.class)
    void parse_whenOperatorHasHyphen_readsOperator(RuleOperator op) {
        assertThat(parse("user.department " + op.token() + " \"x\""))
                .isEqualTo(cmp("department", op, "x"));
    }

    @ParameterizedTest
    @EnumSource(RuleOperator.class)
    void parse_whenOperatorHasNoHyphen_readsOperator(RuleOperator op) {
        assertThat(parse("user.department " + op.token().substring(1) + " \"x\""))
                .isEqualTo(cmp("department", op, "x"));
    }

    @ParameterizedTest
    @EnumSource(RuleOperator.class)
    void parse_whenOperatorInOtherCase_readsOperator(RuleOperator op) {
        assertThat(parse("user.department " + op.token().toUpperCase() + " \"x\""))
                .isEqualTo(cmp("department", op, "x"));
    }

    @Test
    void parse_whenAndAndOr_bindsAndTighter() {
        RuleExpression a = cmp("city", RuleOperator.EQ, "a");
        RuleExpression b = cmp("city", RuleOperator.EQ, "b");
        RuleExpression c = cmp("city", RuleOperator.EQ, "c");
        assertThat(parse("user.city -eq \"a\" -or user.city -eq \"b\" -and user.city -eq \"c\""))
                .isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
        assertThat(parse("user.city -eq \"a\" -and user.city -eq \"b\" -or user.city -eq \"c\""))
                .isEqualTo(new Or(List.of(new And(List.of(a, b)), c)));
    }

    @Test
    void parse_whenParentheses_overridePrecedence() {
        RuleExpression expected = new And(List.of(cmp("country", RuleOperator.EQ, "US"),
                new Or(List.of(cmp("department", RuleOperator.EQ, "Marketing"),
                        cmp("department", RuleOperator.EQ, "Sales")))));
        assertThat(parse("user.country -eq \"US\" -and (user.department -eq \"Marketing\" -or user.department -eq"
                + " \"Sales\")")).isEqualTo(expected);
    }

    @Test
    void parse_whenHyphenlessLogicalOperators_readsThem() {
        assertThat(parse("user.city eq \"a\" and not user.city eq \"b\" or user.city eq \"c\""))
                .isEqualTo(parse("user.city -eq \"a\" -and -not user.city -eq \"b\" -or user.city -eq \"c\""));
    }

    @Test
    void parse_whenNot_bindsTighterThanAnd() {
        assertThat(parse("(user.department -eq \"Sales\") -and -not (user.jobTitle -startsWith \"SDE\")"))
                .isEqualTo(new And(List.of(cmp("department", RuleOperator.EQ, "Sales"),
                        new Not(cmp("jobTitle", RuleOperator.STARTS_WITH, "SDE")))));
        assertThat(parse("-not user.city -eq \"a\" -and user.city -eq \"b\"")).isInstanceOf(And.class);
    }

    @Test
    void parse_whenBacktickEscapedDoubleQuote_unescapes() {
        assertThat(parse("user.department -eq \"`\"Sales`\"\"")).isEqualTo(cmp("department", RuleOperator.EQ,
                "\"Sales\""));
    }

    @Test
    void parse_whenDoubledSingleQuote_unescapesInBothQuoteStyles() {
        assertThat(parse("user.surname -eq \"O''Brien\"")).isEqualTo(cmp("surname", RuleOperator.EQ, "O'Brien"));
        assertThat(parse("user.surname -eq 'O''Brien'")).isEqualTo(cmp("surname", RuleOperator.EQ, "O'Brien"));
    }

    @Test
    void parse_whenBacktickBeforeOtherChar_keepsBacktick() {
        assertThat(parse("user.city -eq \"a`b\"")).isEqualTo(cmp("city", RuleOperator.EQ, "a`b"));
        assertThat(parse("user.city -eq \"a``\"")).isEqualTo(cmp("city", RuleOperator.EQ, "a`"));
    }

    @Test
    void parse_whenNullKeyword_readsNullButQuotedNullIsText() {
        assertThat(parse("user.mail -ne null")).isEqualTo(new Comparison(PropertyRef.user("mail"), RuleOperator.NE,
                new RuleValue.Null()));
        assertThat(parse("user.mail -ne \"null\"")).isEqualTo(cmp("mail", RuleOperator.NE, "null"));
    }

    @Test
    void parse_whenBoolean_readsUnquotedBool() {
        assertThat(parse("user.accountEnabled -eq true")).isEqualTo(new Comparison(
                PropertyRef.user("accountEnabled"), RuleOperator.EQ, new RuleValue.Bool(true)));
        assertThat(parse("user.accountEnabled -eq False")).isEqualTo(new Comparison(
                PropertyRef.user("accountEnabled"), RuleOperator.EQ, new RuleValue.Bool(false)));
    }

    @Test
    void parse_whenList_readsItemsInOrder() {
        assertThat(parse("user.department -in [\"50001\",\"50002\", 'x''y']")).isEqualTo(new Comparison(
                PropertyRef.user("department"), RuleOperator.IN,
                new RuleValue.TextList(List.of("50001", "50002", "x'y"))));
        assertThat(parse("user.department -notIn []")).isEqualTo(new Comparison(
                PropertyRef.user("department"), RuleOperator.NOT_IN, new RuleValue.TextList(List.of())));
    }

    @Test
    void parse_whenAssignedPlansAny_readsLambda() {
        String rule = "user.assignedPlans -any (assignedPlan.servicePlanId -eq \"efb87545-963c-4e0d-99df-69c6916d9eb0\""
                + " -and assignedPlan.capabilityStatus -eq \"Enabled\")";
        assertThat(parse(rule)).isEqualTo(new Quantified(PropertyRef.user("assignedPlans"), Quantifier.ANY,
                new And(List.of(
                        new Comparison(new PropertyRef(PropertyRef.Scope.ASSIGNED_PLAN, "servicePlanId"),
                                RuleOperator.EQ, new RuleValue.Text("efb87545-963c-4e0d-99df-69c6916d9eb0")),
                        new Comparison(new PropertyRef(PropertyRef.Scope.ASSIGNED_PLAN, "capabilityStatus"),
                                RuleOperator.EQ, new RuleValue.Text("Enabled"))))));
    }

    @Test
    void parse_whenUnderscoreLambda_readsItem() {
        assertThat(parse("(user.proxyAddresses -any (_ -startsWith \"contoso\"))")).isEqualTo(new Quantified(
                PropertyRef.user("proxyAddresses"), Quantifier.ANY,
                new Comparison(PropertyRef.item(), RuleOperator.STARTS_WITH, new RuleValue.Text("contoso"))));
        assertThat(parse("device.devicePhysicalIds -all _ -startsWith \"[ZTDId]\"")).isEqualTo(new Quantified(
                PropertyRef.device("devicePhysicalIds"), Quantifier.ALL,
                new Comparison(PropertyRef.item(), RuleOperator.STARTS_WITH, new RuleValue.Text("[ZTDId]"))));
    }

    @Test
    void parse_whenExtensionProperties_keepsNames() {
        assertThat(parse("(user.extensionAttribute15 -eq \"Marketing\")"))
                .isEqualTo(cmp("extensionAttribute15", RuleOperator.EQ, "Marketing"));
        assertThat(parse("user.extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber -eq \"123\""))
                .isEqualTo(cmp("extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber", RuleOperator.EQ, "123"));
    }

    @Test
    void parse_whenSystemNow_readsOffset() {
        assertThat(parse("user.employeeHireDate -ge system.now -plus p1d")).isEqualTo(new Comparison(
                PropertyRef.user("employeeHireDate"), RuleOperator.GE, new RuleValue.Now(Duration.ofDays(1))));
        assertThat(parse("user.employeeHireDate -le system.now minus PT12H")).isEqualTo(new Comparison(
                PropertyRef.user("employeeHireDate"), RuleOperator.LE, new RuleValue.Now(Duration.ofHours(-12))));
        assertThat(parse("user.employeeHireDate -le system.now")).isEqualTo(new Comparison(
                PropertyRef.user("employeeHireDate"), RuleOperator.LE, new RuleValue.Now(Duration.ZERO)));
    }

    @Test
    void parse_whenDirectReports_readsManagerId() {
        assertThat(parse("Direct Reports for \"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\""))
                .isEqualTo(new DirectReports("aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb"));
    }

    @Test
    void parse_whenMemberOf_readsPreviewForm() {
        assertThat(parse("user.memberof -any (group.objectId -in ['g1','g2'])")).isEqualTo(new Quantified(
                PropertyRef.user("memberof"), Quantifier.ANY,
                new Comparison(new PropertyRef(PropertyRef.Scope.GROUP, "objectId"), RuleOperator.IN,
                        new RuleValue.TextList(List.of("g1", "g2")))));
    }

    @Test
    void parse_whenTypographicDashes_normalisesAndWarns() {
        GroupMembershipRule rule = GroupMembershipRule.parse("user.city \u2013eq \"a\" \u2014or user.city -eq \"b\"");
        assertThat(rule.expression()).isEqualTo(parse("user.city -eq \"a\" -or user.city -eq \"b\""));
        assertThat(rule.parseWarnings()).extracting(RuleFinding::kind, RuleFinding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleFinding.Kind.TYPOGRAPHIC_DASH, 11),
                        org.assertj.core.groups.Tuple.tuple(RuleFinding.Kind.TYPOGRAPHIC_DASH, 19));
    }

    @Test
    void parse_whenTypographicDashInsideValue_keepsIt() {
        GroupMembershipRule rule = GroupMembershipRule.parse("user.city -eq \"a \u2013b\"");
        assertThat(rule.expression()).isEqualTo(cmp("city", RuleOperator.EQ, "a \u2013b"));
        assertThat(rule.parseWarnings()).isEmpty();
    }

    @Test
    void parse_whenTypographicQuotes_readsStringAndWarns() {
        GroupMembershipRule rule = GroupMembershipRule.parse("(user.department -eq \u201CFinance\u201D)");
        assertThat(rule.expression()).isEqualTo(cmp("department", RuleOperator.EQ, "Finance"));
        assertThat(rule.parseWarnings()).extracting(RuleFinding::kind)
                .containsExactly(RuleFinding.Kind.TYPOGRAPHIC_QUOTE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "user.department -foo \"x\"|17|an operator such as -eq, -in or -any after user.department|'-foo'",
        "user.department -eq|20|a value after -eq (a quoted string, true, false, null, system.now or a [list])|end of input",
        "(user.city -eq \"a\"|19|')' to close the '(' at column 1 (or -and, -or)|end of input",
        "user.city -eq \"a\" user.city|19|-and, -or or end of input|'user.city'",
        "foo.city -eq \"a\"|1|a property such as user.department, device.deviceOSType or _|'foo.city'",
        "user.city -eq \"abc|19|a closing '\"' for the string opened at column 15|end of input",
        "user.city -in [\"a\" \"b\"]|20|',' or ']' to close the list opened at column 15|'\"b\"'",
        "-and user.city -eq \"a\"|1|a property such as user.department, '(' or -not|'-and'",
        "user.employeeHireDate -ge system.now -plus 1d|44|an ISO-8601 duration such as P1D or PT12H|'1d'",
        "Direct Reports \"x\"|16|'for' in 'Direct Reports for \"<id>\"'|'\"x\"'",
    })
    void parse_whenSyntaxError_reportsColumnAndExpectation(String rule, int column, String expected, String found) {
        assertThatThrownBy(() -> GroupMembershipRule.parse(rule))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.found()).isEqualTo(found);
                    assertThat(e).hasMessage("error at column " + column + ": expected " + expected + " but found "
                            + found);
                });
    }

    @Test
    void parse_whenEmpty_reportsColumnOne() {
        assertThatThrownBy(() -> GroupMembershipRule.parse("   "))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("error at column 1: expected an expression but found end of input");
    }

    @Test
    void parse_whenExactly3072Characters_accepts() {
        String rule = padded(3072);
        assertThat(rule).hasSize(3072);
        assertThat(GroupMembershipRule.parse(rule).expression()).isInstanceOf(Comparison.class);
    }

    @Test
    void parse_when3073Characters_failsWithLengthError() {
        assertThatThrownBy(() -> GroupMembershipRule.parse(padded(3073)))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("error at column 3073: expected at most 3072 characters but found 3073 characters");
    }

    @Test
    void parse_when10000NestedParentheses_failsCleanly() {
        String rule = "(".repeat(10_000) + "user.city -eq \"a\"" + ")".repeat(10_000);
        assertThatThrownBy(() -> GroupMembershipRule.parse(rule)).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("expected at most 3072 characters");
    }

    @Test
    void parse_whenNestingDeeperThanLimitWithinLength_failsWithDepthError() {
        String rule = "(".repeat(1_500) + "user.city -eq 1" + ")".repeat(1_500);
        assertThat(rule.length()).isLessThanOrEqualTo(3072);
        assertThatThrownBy(() -> GroupMembershipRule.parse(rule)).isInstanceOf(RuleSyntaxException.class)
                .hasMessage("error at column 101: expected at most 100 levels of nesting but found deeper nesting"
                        + " at '('");
    }

    @Test
    void parse_whenNotChainDeeperThanLimit_failsWithDepthError() {
        String rule = "-not ".repeat(500) + "user.city -eq 1";
        assertThatThrownBy(() -> GroupMembershipRule.parse(rule)).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("levels of nesting");
    }

    @Test
    void parse_whenNestingAtLimit_accepts() {
        String rule = "(".repeat(100) + "user.city -eq 1" + ")".repeat(100);
        assertThat(parse(rule)).isEqualTo(cmp("city", RuleOperator.EQ, "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"User.department -eq \"x\"", "USER.department eq \"x\"", "user.department\t-eq\n\"x\""})
    void parse_whenScopeCaseOrWhitespaceVaries_readsSameTree(String rule) {
        assertThat(parse(rule)).isEqualTo(cmp("department", RuleOperator.EQ, "x"));
    }

    private static String padded(int length) {
        String prefix = "user.city -eq \"";
        return prefix + "a".repeat(length - prefix.length() - 1) + "\"";
    }
}
