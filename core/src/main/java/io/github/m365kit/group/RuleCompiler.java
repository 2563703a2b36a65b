package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.DirectReports;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a rule tree into a tree of small predicate nodes. Constants are case-folded, regular expressions compiled and
 * property names resolved once, so that evaluation allocates nothing except for {@code -match} and long
 * {@code -in} lists.
 */
final class RuleCompiler {

    private static final int LINEAR_IN_LIMIT = 8;

    private final Clock clock;
    private final Set<String> graphNames = new LinkedHashSet<>();

    private RuleCompiler(Clock clock) {
        this.clock = clock;
    }

    static CompiledRule compile(RuleExpression e, Clock clock) {
        RuleCompiler c = new RuleCompiler(clock);
        Node root = c.node(e);
        return new CompiledRule(root, c.graphNames);
    }

    // ------------------------------------------------------------ case folding

    /** Case-folds one char the way {@link String#equalsIgnoreCase} compares chars. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    private static boolean regionFolded(String v, int offset, String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (fold(v.charAt(offset + i)) != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean equalsFolded(String v, String folded) {
        return v.length() == folded.length() && regionFolded(v, 0, folded);
    }

    private static boolean containsFolded(String v, String folded) {
        int last = v.length() - folded.length();
        for (int i = 0; i <= last; i++) {
            if (regionFolded(v, i, folded)) {
                return true;
            }
        }
        return false;
    }

    static String text(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            return l.isEmpty() ? null : text(l.get(0));
        }
        if (v instanceof Map) {
            return null;
        }
        return v.toString();
    }

    // ------------------------------------------------------------ nodes

    /** A compiled predicate; {@code item} is the current collection item inside -any/-all, else null. */
    abstract static class Node {
        abstract boolean eval(RuleSubject s, Object item);
    }

    private enum Mode { SUBJECT, ITEM, ITEM_FIELD, GROUP_ID }

    private static final class Accessor {
        private final Mode mode;
        private final String name;

        Accessor(Mode mode, String name) {
            this.mode = mode;
            this.name = name;
        }

        Object get(RuleSubject s, Object item) {
            switch (mode) {
                case SUBJECT:
                    return s.property(name);
                case ITEM:
                    return item;
                case ITEM_FIELD:
                    return item instanceof Map ? ((Map<?, ?>) item).get(name) : null;
                case GROUP_ID:
                default:
                    return item instanceof Map ? ((Map<?, ?>) item).get("id") : item;
            }
        }
    }

    private static final class AndNode extends Node {
        private final Node[] operands;

        AndNode(Node[] operands) {
            this.operands = operands;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            for (Node n : operands) {
                if (!n.eval(s, item)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class OrNode extends Node {
        private final Node[] operands;

        OrNode(Node[] operands) {
            this.operands = operands;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            for (Node n : operands) {
                if (n.eval(s, item)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class NotNode extends Node {
        private final Node operand;

        NotNode(Node operand) {
            this.operand = operand;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            return !operand.eval(s, item);
        }
    }

    private static final class ConstantNode extends Node {
        private final boolean value;

        ConstantNode(boolean value) {
            this.value = value;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            return value;
        }
    }

    private static final class StringNode extends Node {
        private final Accessor accessor;
        private final RuleOperator op;
        private final String folded;
        private final Pattern pattern;
        private final boolean negate;

        StringNode(Accessor accessor, RuleOperator op, String constant, boolean negate) {
            this.accessor = accessor;
            this.op = op;
            this.folded = fold(constant);
            this.pattern = op == RuleOperator.MATCH
                    ? Pattern.compile(constant, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : null;
            this.negate = negate;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            String v = text(accessor.get(s, item));
            boolean r;
            if (v == null) {
                r = false;
            } else {
                switch (op) {
                    case EQ:
                        r = equalsFolded(v, folded);
                        break;
                    case STARTS_WITH:
                        r = v.length() >= folded.length() && regionFolded(v, 0, folded);
                        break;
                    case ENDS_WITH:
                        r = v.length() >= folded.length() && regionFolded(v, v.length() - folded.length(), folded);
                        break;
                    case CONTAINS:
                        r = containsFolded(v, folded);
                        break;
                    case MATCH:
                        r = pattern.matcher(v).find();
                        break;
                    default:
                        r = false;
                        break;
                }
            }
            return negate != r;
        }
    }

    private static final class InNode extends Node {
        private final Accessor accessor;
        private final String[] folded;
        private final Set<String> set;
        private final boolean negate;

        InNode(Accessor accessor, List<String> values, boolean negate) {
            this.accessor = accessor;
            this.folded = values.stream().map(RuleCompiler::fold).toArray(String[]::new);
            this.set = values.size() > LINEAR_IN_LIMIT ? new HashSet<>(List.of(folded)) : null;
            this.negate = negate;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            String v = text(accessor.get(s, item));
            boolean r = false;
            if (v != null) {
                if (set != null) {
                    r = set.contains(fold(v));
                } else {
                    for (String f : folded) {
                        if (equalsFolded(v, f)) {
                            r = true;
                            break;
                        }
                    }
                }
            }
            return negate != r;
        }
    }

    private static final class NullNode extends Node {
        private final Accessor accessor;
        private final boolean isEq;

        NullNode(Accessor accessor, boolean isEq) {
            this.accessor = accessor;
            this.isEq = isEq;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            Object v = accessor.get(s, item);
            boolean absent = v == null || (v instanceof List && ((List<?>) v).isEmpty());
            return absent == isEq;
        }
    }

    private static final class BoolNode extends Node {
        private final Accessor accessor;
        private final boolean constant;
        private final boolean negate;

        BoolNode(Accessor accessor, boolean constant, boolean negate) {
            this.accessor = accessor;
            this.constant = constant;
            this.negate = negate;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            Object v = accessor.get(s, item);
            boolean r;
            if (v instanceof Boolean) {
                r = (Boolean) v == constant;
            } else if (v instanceof String) {
                r = ((String) v).equalsIgnoreCase(constant ? "true" : "false");
            } else {
                r = false;
            }
            return negate != r;
        }
    }

    private static final class DateNode extends Node {
        private final Accessor accessor;
        private final RuleOperator op;
        private final Instant constant;

        DateNode(Accessor accessor, RuleOperator op, Instant constant) {
            this.accessor = accessor;
            this.op = op;
            this.constant = constant;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            Instant v = RuleDates.toInstant(accessor.get(s, item));
            if (v == null) {
                return op == RuleOperator.NE;
            }
            int c = v.compareTo(constant);
            switch (op) {
                case LE:
                    return c <= 0;
                case GE:
                    return c >= 0;
                case NE:
                    return c != 0;
                case EQ:
                default:
                    return c == 0;
            }
        }
    }

    private static final class QuantifiedNode extends Node {
        private final Accessor accessor;
        private final boolean any;
        private final Node predicate;

        QuantifiedNode(Accessor accessor, boolean any, Node predicate) {
            this.accessor = accessor;
            this.any = any;
            this.predicate = predicate;
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            Object v = accessor.get(s, item);
            if (v == null) {
                return !any;
            }
            if (!(v instanceof List)) {
                return predicate.eval(s, v);
            }
            List<?> items = (List<?>) v;
            for (int i = 0, n = items.size(); i < n; i++) {
                if (predicate.eval(s, items.get(i)) == any) {
                    return any;
                }
            }
            return !any;
        }
    }

    private static final class DirectReportsNode extends Node {
        private final String folded;

        DirectReportsNode(String managerId) {
            this.folded = fold(managerId);
        }

        @Override
        boolean eval(RuleSubject s, Object item) {
            Object v = s.property("manager");
            String id = v instanceof Map ? text(((Map<?, ?>) v).get("id")) : text(v);
            return id != null && equalsFolded(id, folded);
        }
    }

    // ------------------------------------------------------------ compilation

    private Node node(RuleExpression e) {
        if (e instanceof And) {
            return new AndNode(((And) e).operands().stream().map(this::node).toArray(Node[]::new));
        }
        if (e instanceof Or) {
            return new OrNode(((Or) e).operands().stream().map(this::node).toArray(Node[]::new));
        }
        if (e instanceof Not) {
            return new NotNode(node(((Not) e).operand()));
        }
        if (e instanceof Quantified) {
            Quantified q = (Quantified) e;
            return new QuantifiedNode(accessor(q.collection()),
                    q.quantifier() == RuleExpression.Quantifier.ANY, node(q.predicate()));
        }
        if (e instanceof DirectReports) {
            graphNames.add("manager");
            return new DirectReportsNode(((DirectReports) e).managerId());
        }
        return comparison((Comparison) e);
    }

    private Accessor accessor(PropertyRef p) {
        switch (p.scope()) {
            case ITEM:
                return new Accessor(Mode.ITEM, "");
            case ASSIGNED_PLAN:
                return new Accessor(Mode.ITEM_FIELD, p.name());
            case GROUP:
                return new Accessor(Mode.GROUP_ID, "id");
            case USER:
            case DEVICE:
            default:
                String graph = RuleCatalog.lookup(p).map(RuleCatalog.Entry::graphName).orElse(p.name());
                graphNames.add(graph);
                return new Accessor(Mode.SUBJECT, graph);
        }
    }

    private Node comparison(Comparison c) {
        Accessor a = accessor(c.property());
        PropertyType type = RuleCatalog.lookup(c.property()).map(RuleCatalog.Entry::type).orElse(PropertyType.STRING);
        RuleOperator op = c.operator();
        RuleValue v = c.value();
        boolean negate = op.isNegated();
        if (v instanceof RuleValue.Null) {
            return op == RuleOperator.EQ || op == RuleOperator.NE ? new NullNode(a, op == RuleOperator.EQ)
                    : new ConstantNode(negate);
        }
        if (op.positive() == RuleOperator.IN) {
            List<String> values = v instanceof RuleValue.TextList ? ((RuleValue.TextList) v).values()
                    : List.of(constantText(v));
            return new InNode(a, values, negate);
        }
        if (type == PropertyType.DATE_TIME) {
            Instant constant = v instanceof RuleValue.Now ? clock.instant().plus(((RuleValue.Now) v).offset())
                    : RuleDates.parse(constantText(v));
            if (constant == null) {
                throw new RuleException("not a date: " + constantText(v) + " for " + c.property());
            }
            return new DateNode(a, op, constant);
        }
        if (type == PropertyType.BOOLEAN && (op == RuleOperator.EQ || op == RuleOperator.NE)) {
            return new BoolNode(a, constantText(v).equalsIgnoreCase("true"), negate);
        }
        return new StringNode(a, op.positive(), constantText(v), negate);
    }

    private static String constantText(RuleValue v) {
        if (v instanceof RuleValue.Text) {
            return ((RuleValue.Text) v).value();
        }
        if (v instanceof RuleValue.Bool) {
            return String.valueOf(((RuleValue.Bool) v).value());
        }
        if (v instanceof RuleValue.TextList) {
            return String.join(",", ((RuleValue.TextList) v).values());
        }
        return "system.now";
    }
}
