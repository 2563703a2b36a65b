package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class RulePropertiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Provide
    Arbitrary<RuleExpression> anyTree() {
        return RuleArbitraries.trees(3).filter(t -> RulePrinter.print(t).length() <= GroupMembershipRule.MAX_LENGTH);
    }

    @Provide
    Arbitrary<RuleExpression> validTree() {
        return RuleArbitraries.validTrees(3);
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> someUsers() {
        return RuleArbitraries.users().list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<String> awkward() {
        return RuleArbitraries.awkwardStrings();
    }

    @Property(tries = 2000)
    void parse_whenPrintedTree_givesSameTree(@ForAll("anyTree") RuleExpression tree) {
        assertThat(GroupMembershipRule.parse(RulePrinter.print(tree)).expression()).isEqualTo(tree);
    }

    @Property(tries = 500)
    void parse_whenPrintedWithParenthesizedClauses_givesSameTree(@ForAll("anyTree") RuleExpression tree) {
        String text = RulePrinter.print(tree, true);
        if (text.length() <= GroupMembershipRule.MAX_LENGTH) {
            assertThat(GroupMembershipRule.parse(text).expression()).isEqualTo(tree);
        }
    }

    @Property(tries = 1000)
    void simplify_whenEvaluatedOnUsers_givesSameMembership(@ForAll("validTree") RuleExpression tree,
                                                            @ForAll("someUsers") List<Map<String, Object>> users) {
        RuleExpression simplified = RuleSimplifier.simplify(tree);
        CompiledRule before = GroupMembershipRule.of(tree).compile(CLOCK);
        CompiledRule after = GroupMembershipRule.of(simplified).compile(CLOCK);
        for (Map<String, Object> u : users) {
            RuleSubject s = RuleSubject.ofMap(u);
            assertThat(after.test(s)).as("%s%n  vs %s%n  on %s", RulePrinter.print(tree),
                    RulePrinter.print(simplified), u).isEqualTo(before.test(s));
        }
    }

    @Property(tries = 500)
    void simplify_whenApplied_leavesNoInListAdvice(@ForAll("validTree") RuleExpression tree) {
        RuleExpression simplified = RuleSimplifier.simplify(tree);
        assertThat(GroupMembershipRule.of(simplified).validate()).extracting(RuleFinding::kind)
                .doesNotContain(RuleFinding.Kind.USE_IN_LIST);
        assertThat(RuleSimplifier.simplify(simplified)).isEqualTo(simplified);
    }

    @Property(tries = 1000)
    void build_whenValuesContainQuotesAndBackticks_keepsStructure(@ForAll("awkward") String department,
            @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("awkward") String> mails,
            @ForAll("awkward") String jobPrefix, @ForAll("awkward") String proxy) {
        GroupMembershipRule rule = GroupMembershipRuleBuilder.where(UserProperty.DEPARTMENT.eq(department))
                .orAnyOf(UserProperty.MAIL, mails)
                .andNot(UserProperty.JOB_TITLE.startsWith(jobPrefix))
                .and(UserProperty.PROXY_ADDRESSES.has(proxy))
                .build();
        RuleExpression parsed = GroupMembershipRule.parse(rule.toRuleText()).expression();
        assertThat(parsed).isEqualTo(rule.expression());
        assertThat(parsed).isInstanceOf(And.class);
        List<RuleExpression> top = ((And) parsed).operands();
        assertThat(top).hasSize(3);
        assertThat(top.get(0)).isEqualTo(new Or(List.of(
                new Comparison(PropertyRef.user("department"), RuleOperator.EQ, new RuleValue.Text(department)),
                new Comparison(PropertyRef.user("mail"), RuleOperator.IN, new RuleValue.TextList(mails)))));
        assertThat(top.get(1)).isEqualTo(new Not(new Comparison(PropertyRef.user("jobTitle"),
                RuleOperator.STARTS_WITH, new RuleValue.Text(jobPrefix))));
        assertThat(top.get(2)).isInstanceOf(RuleExpression.Quantified.class);
    }
}
