package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites rules the way Microsoft's performance advice suggests: a {@code -or} chain of {@code -eq} comparisons on
 * one string property becomes one {@code -in} list, and a {@code -and} chain of {@code -ne} comparisons becomes one
 * {@code -notIn} list. Existing {@code -in}/{@code -notIn} lists on the same property are merged in.
 *
 * <p>The merged list takes the place of the first comparison it replaces; other operands keep their order, and
 * duplicate values are dropped. Only string properties are merged (not bool or dateTime ones, where a list is not
 * allowed), and {@code null} comparisons are left alone. The result evaluates exactly like the input.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleSimplifier {

    private RuleSimplifier() {
    }

    /**
     * Simplifies a tree.
     *
     * @param expression the tree
     * @return an equivalent tree with the chains merged; the same tree if there was nothing to merge
     */
    public static RuleExpression simplify(RuleExpression expression) {
        if (expression instanceof Or) {
            return merge(((Or) expression).operands(), true);
        }
        if (expression instanceof And) {
            return merge(((And) expression).operands(), false);
        }
        if (expression instanceof Not) {
            return new Not(simplify(((Not) expression).operand()));
        }
        if (expression instanceof Quantified) {
            Quantified q = (Quantified) expression;
            return new Quantified(q.collection(), q.quantifier(), simplify(q.predicate()));
        }
        return expression;
    }

    /**
     * Parses, simplifies and prints rule text, keeping the parenthesised-clause style when the source used it.
     *
     * @param rule the rule text
     * @return the simplified rule text
     * @throws RuleSyntaxException if the text does not parse
     */
    public static String simplify(String rule) {
        return GroupMembershipRule.parse(rule).simplify().toStyledRuleText();
    }

    private static RuleExpression merge(List<RuleExpression> operands, boolean isOr) {
        RuleOperator single = isOr ? RuleOperator.EQ : RuleOperator.NE;
        RuleOperator list = isOr ? RuleOperator.IN : RuleOperator.NOT_IN;
        List<RuleExpression> simplified = new ArrayList<>();
        Map<PropertyRef, Set<String>> values = new LinkedHashMap<>();
        Map<PropertyRef, Integer> counts = new LinkedHashMap<>();
        for (RuleExpression o : operands) {
            RuleExpression s = simplify(o);
            simplified.add(s);
            List<String> v = mergeable(s, single, list);
            if (v != null) {
                PropertyRef p = ((Comparison) s).property();
                values.computeIfAbsent(p, k -> new LinkedHashSet<>()).addAll(v);
                counts.merge(p, 1, Integer::sum);
            }
        }
        List<RuleExpression> result = new ArrayList<>();
        Set<PropertyRef> emitted = new LinkedHashSet<>();
        for (RuleExpression s : simplified) {
            List<String> v = mergeable(s, single, list);
            PropertyRef p = v == null ? null : ((Comparison) s).property();
            if (p == null || counts.get(p) < 2) {
                result.add(s);
            } else if (emitted.add(p)) {
                result.add(new Comparison(p, list, new RuleValue.TextList(new ArrayList<>(values.get(p)))));
            }
        }
        if (result.size() == 1) {
            return result.get(0);
        }
        return isOr ? new Or(result) : new And(result);
    }

    private static List<String> mergeable(RuleExpression e, RuleOperator single, RuleOperator list) {
        if (!(e instanceof Comparison)) {
            return null;
        }
        Comparison c = (Comparison) e;
        boolean stringProperty = RuleCatalog.lookup(c.property()).map(en -> en.type() == PropertyType.STRING)
                .orElse(false);
        if (!stringProperty) {
            return null;
        }
        if (c.operator() == single && c.value() instanceof RuleValue.Text) {
            return List.of(((RuleValue.Text) c.value()).value());
        }
        if (c.operator() == list && c.value() instanceof RuleValue.TextList) {
            return ((RuleValue.TextList) c.value()).values();
        }
        return null;
    }
}
