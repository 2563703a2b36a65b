package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulePrinterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "user.city eq \"a\"|user.city -eq \"a\"",
        "(user.city -EQ \"a\") or ((user.city -eq \"b\"))|user.city -eq \"a\" -or user.city -eq \"b\"",
        "user.city -eq \"a\" -and (user.city -eq \"b\" -or user.city -eq \"c\")|user.city -eq \"a\" -and (user.city -eq \"b\" -or user.city -eq \"c\")",
        "(user.city -eq \"a\" -and user.city -eq \"b\") -or user.city -eq \"c\"|user.city -eq \"a\" -and user.city -eq \"b\" -or user.city -eq \"c\"",
        "user.city -eq \"a\" -and (user.city -eq \"b\" -and user.city -eq \"c\")|user.city -eq \"a\" -and (user.city -eq \"b\" -and user.city -eq \"c\")",
        "not (user.city startswith \"a\")|-not user.city -startsWith \"a\"",
        "-not (user.city -eq \"a\" -or user.city -eq \"b\")|-not (user.city -eq \"a\" -or user.city -eq \"b\")",
        "user.surname -eq 'O''Brien'|user.surname -eq \"O''Brien\"",
        "user.department -eq \"`\"Sales`\"\"|user.department -eq \"`\"Sales`\"\"",
        "user.city -eq \"a``\"|user.city -eq \"a``\"",
        "user.department -IN ['a','b']|user.department -in [\"a\",\"b\"]",
        "user.memberof -any (group.objectId -in [\"g1\"])|user.memberof -any (group.objectId -in ['g1'])",
        "user.proxyAddresses -any _ -startsWith \"smtp:\"|user.proxyAddresses -any (_ -startsWith \"smtp:\")",
        "user.employeeHireDate -ge system.now -plus PT48H|user.employeeHireDate -ge system.now -plus P2D",
        "user.employeeHireDate -ge system.now -minus PT1H|user.employeeHireDate -ge system.now -minus PT1H",
        "user.accountEnabled -eq TRUE|user.accountEnabled -eq true",
        "user.mail -ne NULL|user.mail -ne null",
        "user.employeeHireDate -le 2024-01-01|user.employeeHireDate -le \"2024-01-01\"",
        "direct reports for \"m1\"|Direct Reports for \"m1\"",
        "user.city \u2013eq \"a\"|user.city -eq \"a\"",
    })
    void print_whenParsed_givesCanonicalForm(String source, String canonical) {
        assertThat(GroupMembershipRule.parse(source).toRuleText()).isEqualTo(canonical);
        assertThat(GroupMembershipRule.parse(canonical).toRuleText()).isEqualTo(canonical);
    }

    @org.junit.jupiter.api.Test
    void print_whenParenthesizeClauses_wrapsEachComparison() {
        RuleExpression e = GroupMembershipRule.parse("user.city -eq \"a\" -or user.city -eq \"b\" -and"
                + " user.proxyAddresses -any (_ -eq \"x\")").expression();
        assertThat(RulePrinter.print(e, true)).isEqualTo("(user.city -eq \"a\") -or (user.city -eq \"b\") -and"
                + " user.proxyAddresses -any (_ -eq \"x\")");
        assertThat(GroupMembershipRule.parse(RulePrinter.print(e, true)).expression()).isEqualTo(e);
    }

    @org.junit.jupiter.api.Test
    void quote_whenValueHasQuotesAndBackticks_escapesAll() {
        assertThat(RulePrinter.quote("a\"b`c'd")).isEqualTo("\"a`\"b``c''d\"");
    }
}
