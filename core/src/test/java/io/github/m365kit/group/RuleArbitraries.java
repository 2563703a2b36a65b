package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.DirectReports;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import io.github.m365kit.group.RuleExpression.Quantifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of rule trees and users for the property tests. */
final class RuleArbitraries {

    private RuleArbitraries() {
    }

    /** Strings heavy in the characters that matter to quoting, plus arbitrary characters. */
    static Arbitrary<String> awkwardStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("\"'`ab \u2013\u2014\u201C\u201D\u2018\u2019()[],-_.").ofMaxLength(10),
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.of("null", "true", "system.now", "-and", "Direct Reports for", "\"", "`", "``\"", "''"));
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("_0Z").ofMinLength(1).ofMaxLength(8);
    }

    private static Arbitrary<PropertyRef> properties() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(PropertyRef.Scope.USER, PropertyRef.Scope.DEVICE,
                        PropertyRef.Scope.ASSIGNED_PLAN, PropertyRef.Scope.GROUP), names()).as(PropertyRef::new),
                Arbitraries.just(PropertyRef.item()));
    }

    private static Arbitrary<RuleValue> values() {
        return Arbitraries.oneOf(
                awkwardStrings().map(RuleValue.Text::new),
                Arbitraries.of(true, false).map(RuleValue.Bool::new),
                Arbitraries.just(new RuleValue.Null()),
                awkwardStrings().list().ofMaxSize(3).map(RuleValue.TextList::new),
                Arbitraries.longs().between(-10_000_000L, 10_000_000L).map(s -> new RuleValue.Now(
                        Duration.ofSeconds(s))),
                Arbitraries.integers().between(-400, 400).map(d -> new RuleValue.Now(Duration.ofDays(d))));
    }

    private static Arbitrary<RuleExpression> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Combinators.combine(properties(), Arbitraries.of(RuleOperator.class), values())
                        .as(Comparison::new)),
                Tuple.of(1, awkwardStrings().map(DirectReports::new)));
    }

    /** Any tree, valid or not, up to the given depth. */
    static Arbitrary<RuleExpression> trees(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<RuleExpression> sub = trees(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaves()),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(And::new)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(Or::new)),
                Tuple.of(1, sub.map(Not::new)),
                Tuple.of(1, Combinators.combine(properties(), Arbitraries.of(Quantifier.class), sub)
                        .as(Quantified::new)));
    }

    private static final List<String> POOL = List.of("a", "B", "c", "\u00C9");

    private static Arbitrary<RuleExpression> validLeaves() {
        Arbitrary<PropertyRef> props = Arbitraries.of(PropertyRef.user("city"), PropertyRef.user("department"),
                PropertyRef.user("mail"));
        Arbitrary<String> pool = Arbitraries.of(POOL);
        Arbitrary<RuleExpression> single = Combinators.combine(props, Arbitraries.of(RuleOperator.EQ,
                RuleOperator.NE, RuleOperator.EQ, RuleOperator.NE, RuleOperator.STARTS_WITH), pool)
                .as((p, op, v) -> new Comparison(p, op, new RuleValue.Text(v)));
        Arbitrary<RuleExpression> list = Combinators.combine(props, Arbitraries.of(RuleOperator.IN,
                RuleOperator.NOT_IN), pool.list().ofMinSize(1).ofMaxSize(3))
                .as((p, op, v) -> new Comparison(p, op, new RuleValue.TextList(v)));
        Arbitrary<RuleExpression> nulls = Combinators.combine(props, Arbitraries.of(RuleOperator.EQ,
                RuleOperator.NE)).as((p, op) -> new Comparison(p, op, new RuleValue.Null()));
        Arbitrary<RuleExpression> proxies = Combinators.combine(Arbitraries.of(Quantifier.class),
                Arbitraries.of(RuleOperator.EQ, RuleOperator.NE), pool, pool)
                .as((q, op, v1, v2) -> new Quantified(PropertyRef.user("proxyAddresses"), q, new Or(List.of(
                        new Comparison(PropertyRef.item(), op, new RuleValue.Text(v1)),
                        new Comparison(PropertyRef.item(), op, new RuleValue.Text(v2))))));
        return Arbitraries.frequencyOf(Tuple.of(8, single), Tuple.of(3, list), Tuple.of(2, nulls),
                Tuple.of(1, proxies));
    }

    /** Valid user rules over a few string properties whose values collide often. */
    static Arbitrary<RuleExpression> validTrees(int depth) {
        if (depth == 0) {
            return validLeaves();
        }
        Arbitrary<RuleExpression> sub = validTrees(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(2, validLeaves()),
                Tuple.of(3, sub.list().ofMinSize(2).ofMaxSize(4).map(And::new)),
                Tuple.of(3, sub.list().ofMinSize(2).ofMaxSize(4).map(Or::new)),
                Tuple.of(1, sub.filter(e -> !(e instanceof Comparison && ((Comparison) e).value()
                        instanceof RuleValue.Null)).map(Not::new)));
    }

    /** Users whose city, department, mail and proxy addresses come from the same small pool, or are missing. */
    static Arbitrary<Map<String, Object>> users() {
        Arbitrary<String> value = Arbitraries.of("a", "A", "b", "c", "C", "\u00E9", "x", "").injectNull(0.2);
        return Combinators.combine(value, value, value, value.list().ofMaxSize(2)).as((city, dept, mail, proxies) -> {
            Map<String, Object> m = new HashMap<>();
            m.put("city", city);
            m.put("department", dept);
            m.put("mail", mail);
            m.put("proxyAddresses", proxies.contains(null) ? null : proxies);
            return m;
        });
    }
}
