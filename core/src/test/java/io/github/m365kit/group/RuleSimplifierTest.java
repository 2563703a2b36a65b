package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSimplifierTest {

    static final String SEED = "(user.department -eq \"Finance\") -or (user.mail -eq \"user1@domain.com\") -or"
            + " (user.mail -eq \"user2@domain.com\") -or (user.mail -eq \"user3@domain.com\") -or"
            + " (user.mail -eq \"user4@domain.com\")";

    @Test
    void simplify_whenSeedExample_mergesMailChainIntoInList() {
        assertThat(RuleSimplifier.simplify(SEED)).isEqualTo("(user.department -eq \"Finance\") -or (user.mail -in"
                + " [\"user1@domain.com\",\"user2@domain.com\",\"user3@domain.com\",\"user4@domain.com\"])");
    }

    @Test
    void simplify_whenSeedExampleWithTypographicQuotes_givesSameResult() {
        String curly = SEED.replace("\"Finance\"", "\u201CFinance\u201D");
        assertThat(RuleSimplifier.simplify(curly)).isEqualTo(RuleSimplifier.simplify(SEED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "user.city -eq \"a\" -or user.city -eq \"b\"|user.city -in [\"a\",\"b\"]",
        "user.city -ne \"a\" -and user.city -ne \"b\" -and user.mail -ne null|user.city -notIn [\"a\",\"b\"] -and user.mail -ne null",
        "user.city -eq \"a\" -or user.mail -eq \"m\" -or user.city -in [\"b\",\"a\"]|user.city -in [\"a\",\"b\"] -or user.mail -eq \"m\"",
        "user.city -eq \"a\" -and user.city -eq \"b\"|user.city -eq \"a\" -and user.city -eq \"b\"",
        "user.city -eq \"a\" -or user.city -eq null|user.city -eq \"a\" -or user.city -eq null",
        "user.accountEnabled -eq \"true\" -or user.accountEnabled -eq \"false\"|user.accountEnabled -eq \"true\" -or user.accountEnabled -eq \"false\"",
        "-not (user.city -eq \"a\" -or user.city -eq \"b\")|-not user.city -in [\"a\",\"b\"]",
        "user.proxyAddresses -any (_ -eq \"a\" -or _ -eq \"b\")|user.proxyAddresses -any (_ -in [\"a\",\"b\"])",
        "user.country -eq \"x\" -and (user.city -eq \"a\" -or user.city -eq \"b\")|user.country -eq \"x\" -and user.city -in [\"a\",\"b\"]",
    })
    void simplify_whenChains_mergesIntoLists(String rule, String expected) {
        assertThat(RuleSimplifier.simplify(rule)).isEqualTo(expected);
    }
}
