package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edges of the rule grammar: input that ends mid-token, nesting limits of -not and -any/-all, list items. */
class RuleParserEdgesTest {

    private static void assertSyntaxError(String rule, int column, String expected, String found) {
        assertThatThrownBy(() -> GroupMembershipRule.parse(rule)).isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.expected()).isEqualTo(expected);
            assertThat(e.found()).isEqualTo(found);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // a lone trailing hyphen is a word, not an operator
        "user.city -eq \"a\" -|19|-and, -or or end of input|'-'",
        // a backtick or single quote as the last character of an unterminated string
        "user.city -eq \"a`|18|a closing '\"' for the string opened at column 15|end of input",
        "user.city -eq \"a'|18|a closing '\"' for the string opened at column 15|end of input",
        "user.city -eq 'abc|19|a closing \"'\" for the string opened at column 15|end of input",
        "user.city -eq 'a''|19|a closing \"'\" for the string opened at column 15|end of input",
        // a single-quoted string where an operator should be is reported at its own column, as written
        "user.city -eq 'a' 'b'|19|-and, -or or end of input|''b''",
        // property names are ASCII letters, digits and _
        "user.dep-t -eq \"x\"|1|a property such as user.department, device.deviceOSType or _|'user.dep-t'",
        "user.d\u00e9pt -eq \"x\"|1|a property such as user.department, device.deviceOSType or _|'user.d\u00e9pt'",
        ".city -eq \"x\"|1|a property such as user.department, device.deviceOSType or _|'.city'",
        "user. -eq \"x\"|1|a property such as user.department, device.deviceOSType or _|'user.'",
        // list items must be values
        "user.city -in [\"a\",]|20|a quoted list item|']'",
        "user.city -in [(|16|a quoted list item|'('",
    })
    void parse_whenInputEndsOrBreaksMidToken_reportsColumnAndExpectation(String rule, int column, String expected, String found) {
        assertSyntaxError(rule, column, expected, found);
    }

    @Test
    void parse_whenBareWordListItems_readsThem() {
        assertThat(GroupMembershipRule.parse("user.city -in [a, 'b', \"c\"]").toRuleText())
                .isEqualTo("user.city -in [\"a\",\"b\",\"c\"]");
        assertThat(GroupMembershipRule.parse("user.city -in []").expression())
                .isEqualTo(new RuleExpression.Comparison(PropertyRef.user("city"), RuleOperator.IN, new RuleValue.TextList(java.util.List.of())));
    }

    @Test
    void parse_whenEscapesEndTheString_unescapes() {
        assertThat(GroupMembershipRule.parse("user.city -eq \"a``\"").expression())
                .isEqualTo(new RuleExpression.Comparison(PropertyRef.user("city"), RuleOperator.EQ, new RuleValue.Text("a`")));
        assertThat(GroupMembershipRule.parse("user.city -eq \"a''\"").expression())
                .isEqualTo(new RuleExpression.Comparison(PropertyRef.user("city"), RuleOperator.EQ, new RuleValue.Text("a'")));
    }

    @Test
    void parse_whenTypographicQuoteLaterInTheRule_warnsAtItsColumn() {
        GroupMembershipRule rule = GroupMembershipRule.parse("user.city -eq \u201Ea\u201C");
        assertThat(rule.parseWarnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(RuleFinding.Kind.TYPOGRAPHIC_QUOTE);
            assertThat(w.column()).isEqualTo(15);
            assertThat(w.message()).isEqualTo("typographic quote '\u201E' at column 15 read as '\"'");
        });
        assertThat(rule.toRuleText()).isEqualTo("user.city -eq \"a\"");
    }

    @Test
    void parse_whenHundredNots_acceptsAndOneMoreIsTooDeep() {
        String hundred = "-not ".repeat(100) + "user.city -eq \"a\"";
        assertThat(GroupMembershipRule.parse(hundred).expression()).isInstanceOf(RuleExpression.Not.class);
        assertSyntaxError("-not " + hundred, 501, "at most 100 levels of nesting", "deeper nesting at '-not'");
    }

    @Test
    void parse_whenHundredChainedQuantifiers_acceptsAndOneMoreIsTooDeep() {
        String hundred = "_ -any ".repeat(100) + "_ -eq \"a\"";
        assertThat(GroupMembershipRule.parse(hundred).expression()).isInstanceOf(RuleExpression.Quantified.class);
        assertSyntaxError("_ -any " + hundred, 703, "at most 100 levels of nesting", "deeper nesting at '-any'");
    }

    @Test
    void parse_whenParenthesisedQuantifierBodies_countTwoLevelsEach() {
        String fifty = "_ -any (".repeat(50) + "_ -eq \"a\"" + ")".repeat(50);
        assertThat(GroupMembershipRule.parse(fifty).expression()).isInstanceOf(RuleExpression.Quantified.class);
        String fiftyOne = "_ -any (".repeat(51) + "_ -eq \"a\"" + ")".repeat(51);
        assertSyntaxError(fiftyOne, 403, "at most 100 levels of nesting", "deeper nesting at '-any'");
    }
}
