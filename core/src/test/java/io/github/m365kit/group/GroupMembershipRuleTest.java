package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupMembershipRuleTest {

    @Test
    void equals_whenSameTreeDifferentSpelling_isEqual() {
        GroupMembershipRule a = GroupMembershipRule.parse("(user.city eq \"x\")");
        GroupMembershipRule b = GroupMembershipRule.parse("user.city -EQ 'x'");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.sourceText()).contains("(user.city eq \"x\")");
        assertThat(a.toString()).isEqualTo("user.city -eq \"x\"");
        assertThat(GroupMembershipRule.of(a.expression()).sourceText()).isEmpty();
    }

    @Test
    void parenthesizedClauses_whenEveryClauseWrapped_isTrue() {
        assertThat(GroupMembershipRule.parse("(user.city -eq \"a\") -or (user.city -eq \"b\")")
                .parenthesizedClauses()).isTrue();
        assertThat(GroupMembershipRule.parse("(user.city -eq \"a\") -or user.city -eq \"b\"")
                .parenthesizedClauses()).isFalse();
        assertThat(GroupMembershipRule.parse("(user.city -eq \"a\")").parenthesizedClauses()).isFalse();
    }

    @Test
    void compile_whenPropertyNameHasWrongCase_refusesBecauseNamesAreCaseSensitive() {
        GroupMembershipRule rule = GroupMembershipRule.parse("user.Department -eq \"x\"");
        assertThatThrownBy(rule::compile).isInstanceOf(RuleValidationException.class)
                .hasMessageContaining("did you mean user.department?");
        assertThat(GroupMembershipRule.parse("user.department -eq \"X\"").compile()
                .test(RuleSubject.ofMap(Map.of("Department", "x")))).isFalse();
    }

    @Test
    void ofMap_whenDottedName_walksNestedMaps() {
        RuleSubject s = RuleSubject.ofMap(Map.of("a", Map.of("b", "c"), "x.y", "direct"));
        assertThat(s.property("a.b")).isEqualTo("c");
        assertThat(s.property("x.y")).isEqualTo("direct");
        assertThat(s.property("a.missing")).isNull();
        assertThat(s.property("missing.b")).isNull();
    }

    @Test
    void operatorByName_whenHyphenlessAnyCase_findsOperator() {
        assertThat(RuleOperator.byName("NOTSTARTSWITH")).contains(RuleOperator.NOT_STARTS_WITH);
        assertThat(RuleOperator.byName("like")).isEmpty();
        assertThat(RuleOperator.NOT_IN.positive()).isEqualTo(RuleOperator.IN);
        assertThat(RuleOperator.LE.isNegated()).isFalse();
    }

    @Test
    void propertyRef_whenNameNotIdentifier_rejectsIt() {
        assertThatThrownBy(() -> PropertyRef.user("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertyRef.user("")).isInstanceOf(IllegalArgumentException.class);
    }
}
