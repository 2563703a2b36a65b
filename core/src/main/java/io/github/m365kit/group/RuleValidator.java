package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.DirectReports;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import io.github.m365kit.group.RuleFinding.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a parsed rule against the documented property types, operator rules and limits, and gives Microsoft's and
 * Maester's advice as warnings.
 *
 * <p>Errors are things the service rejects or that cannot mean what they say (unknown property, operator not valid for
 * the type, {@code -contains} on a collection, {@code -eq} with a list, {@code -not} with {@code null},
 * {@code Direct Reports} or {@code memberOf} combined with other expressions, user and device properties mixed).
 * Warnings are attributes a user can influence (Maester MT.1196), {@code -match}/{@code -contains} (Microsoft's
 * performance advice), {@code -eq} chains that could be {@code -in}, and preview features.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleValidator {

    /** The documented maximum number of groups in one {@code memberOf} rule. */
    public static final int MAX_MEMBER_OF_GROUPS = 50;

    private RuleValidator() {
    }

    /**
     * Validates a rule and returns all findings, including the parser's warnings, in source order.
     *
     * @param rule the rule
     * @return the findings; empty when the rule is clean
     */
    public static List<RuleFinding> validate(GroupMembershipRule rule) {
        Run run = new Run(rule);
        run.walk(rule.expression(), null, true);
        run.finish();
        int length = rule.sourceText().orElseGet(rule::toRuleText).length();
        if (length > GroupMembershipRule.MAX_LENGTH) {
            run.findings.add(RuleFinding.of(Kind.TOO_LONG, "the rule is " + length + " characters; the service"
                    + " accepts at most " + GroupMembershipRule.MAX_LENGTH, 0));
        }
        List<RuleFinding> all = new ArrayList<>(rule.parseWarnings());
        all.addAll(run.findings);
        all.sort((a, b) -> Integer.compare(a.column(), b.column()));
        return List.copyOf(all);
    }

    private static final class Run {
        private final GroupMembershipRule rule;
        private final List<RuleFinding> findings = new ArrayList<>();
        private int firstUserColumn = -1;
        private int firstDeviceColumn = -1;
        private String firstUser;
        private String firstDevice;

        Run(GroupMembershipRule rule) {
            this.rule = rule;
        }

        private int col(RuleExpression e) {
            return rule.columnOf(e);
        }

        private void add(Kind kind, String message, RuleExpression at) {
            findings.add(RuleFinding.of(kind, message, col(at)));
        }

        void walk(RuleExpression e, PropertyType collection, boolean root) {
            if (e instanceof DirectReports) {
                if (!root) {
                    add(Kind.DIRECT_REPORTS_COMBINED, "'Direct Reports for' must be the whole rule; it cannot be"
                            + " combined with other expressions", e);
                }
                see(PropertyRef.user("manager"), e);
            } else if (e instanceof And) {
                List<RuleExpression> ops = ((And) e).operands();
                chainAdvice(ops, RuleOperator.NE, "-and", "-notIn", e);
                ops.forEach(o -> walk(o, collection, false));
            } else if (e instanceof Or) {
                List<RuleExpression> ops = ((Or) e).operands();
                chainAdvice(ops, RuleOperator.EQ, "-or", "-in", e);
                ops.forEach(o -> walk(o, collection, false));
            } else if (e instanceof Not) {
                RuleExpression operand = ((Not) e).operand();
                if (operand instanceof Comparison && ((Comparison) operand).value() instanceof RuleValue.Null) {
                    add(Kind.NOT_WITH_NULL, "-not cannot be used with null; write " + ((Comparison) operand).property()
                            + " -ne null or -eq null instead", e);
                }
                walk(operand, collection, false);
            } else if (e instanceof Quantified) {
                quantified((Quantified) e, collection, root);
            } else {
                comparison((Comparison) e, collection);
            }
        }

        private void chainAdvice(List<RuleExpression> ops, RuleOperator op, String logical, String list,
                                 RuleExpression at) {
            Map<PropertyRef, Integer> counts = new HashMap<>();
            for (RuleExpression o : ops) {
                if (o instanceof Comparison && ((Comparison) o).operator() == op
                        && ((Comparison) o).value() instanceof RuleValue.Text) {
                    counts.merge(((Comparison) o).property(), 1, Integer::sum);
                }
            }
            counts.forEach((p, n) -> {
                if (n > 1) {
                    add(Kind.USE_IN_LIST, n + " " + op.token() + " comparisons on " + p + " joined by " + logical
                            + " can be one " + list + " list (Microsoft's performance advice)", at);
                }
            });
        }

        private void see(PropertyRef p, RuleExpression at) {
            if (p.scope() == PropertyRef.Scope.USER && firstUserColumn < 0) {
                firstUserColumn = col(at);
                firstUser = p.toString();
            } else if (p.scope() == PropertyRef.Scope.DEVICE && firstDeviceColumn < 0) {
                firstDeviceColumn = col(at);
                firstDevice = p.toString();
            }
        }

        void finish() {
            if (firstUserColumn >= 0 && firstDeviceColumn >= 0) {
                int column = Math.max(firstUserColumn, firstDeviceColumn);
                findings.add(RuleFinding.of(Kind.MIXED_USER_AND_DEVICE, "a rule cannot mix user and device"
                        + " properties (" + firstUser + " and " + firstDevice + ")", column));
            }
        }

        private Optional<RuleCatalog.Entry> resolve(PropertyRef p, RuleExpression at) {
            Optional<RuleCatalog.Entry> entry = RuleCatalog.lookup(p);
            if (entry.isEmpty()) {
                String hint = RuleCatalog.suggestion(p).map(s -> "; property names are case-sensitive, did you mean "
                        + p.scope().word() + "." + s + "?").orElse("");
                add(Kind.UNKNOWN_PROPERTY, "unknown property " + p + hint, at);
            }
            if (p.scope() == PropertyRef.Scope.USER && RuleCatalog.USER_INFLUENCEABLE.contains(p.name())) {
                add(Kind.USER_INFLUENCEABLE_ATTRIBUTE, p + " can be influenced by users directly or through HR,"
                        + " onboarding or support workflows (Maester MT.1196); avoid it for groups that grant access", at);
            }
            return entry;
        }

        private void quantified(Quantified q, PropertyType outer, boolean root) {
            PropertyRef p = q.collection();
            if (p.scope() != PropertyRef.Scope.USER && p.scope() != PropertyRef.Scope.DEVICE) {
                add(Kind.COLLECTION_SCOPE, q.quantifier().token() + " needs a user. or device. collection, not " + p, q);
                walk(q.predicate(), outer, false);
                return;
            }
            see(p, q);
            Optional<RuleCatalog.Entry> entry = resolve(p, q);
            if (entry.isEmpty()) {
                walk(q.predicate(), PropertyType.STRING_COLLECTION, false);
                return;
            }
            PropertyType type = entry.get().type();
            if (type == PropertyType.GROUP_COLLECTION) {
                add(Kind.MEMBER_OF_PREVIEW, "memberOf is a preview feature and not for production use", q);
                if (!root) {
                    add(Kind.MEMBER_OF_COMBINED, "a memberOf rule cannot be nested or combined with other"
                            + " expressions", q);
                }
                if (q.quantifier() != RuleExpression.Quantifier.ANY) {
                    add(Kind.OPERATOR_NOT_ALLOWED, "memberOf is documented with -any only", q);
                }
                int groups = countListItems(q.predicate());
                if (groups > MAX_MEMBER_OF_GROUPS) {
                    add(Kind.MEMBER_OF_TOO_MANY_GROUPS, "a memberOf rule can name at most " + MAX_MEMBER_OF_GROUPS
                            + " groups, found " + groups, q);
                }
            } else if (type != PropertyType.STRING_COLLECTION && type != PropertyType.PLAN_COLLECTION) {
                add(Kind.COLLECTION_SCOPE, q.quantifier().token() + " needs a multi-valued property; " + p
                        + " is " + type, q);
                type = PropertyType.STRING_COLLECTION;
            }
            walk(q.predicate(), type, false);
        }

        private int countListItems(RuleExpression e) {
            if (e instanceof Comparison) {
                RuleValue v = ((Comparison) e).value();
                return v instanceof RuleValue.TextList ? ((RuleValue.TextList) v).values().size() : 1;
            }
            if (e instanceof And) {
                return ((And) e).operands().stream().mapToInt(this::countListItems).sum();
            }
            if (e instanceof Or) {
                return ((Or) e).operands().stream().mapToInt(this::countListItems).sum();
            }
            if (e instanceof Not) {
                return countListItems(((Not) e).operand());
            }
            return 0;
        }

        private void comparison(Comparison c, PropertyType collection) {
            PropertyRef p = c.property();
            PropertyType needed = p.scope() == PropertyRef.Scope.ITEM ? PropertyType.STRING_COLLECTION
                    : p.scope() == PropertyRef.Scope.ASSIGNED_PLAN ? PropertyType.PLAN_COLLECTION
                    : p.scope() == PropertyRef.Scope.GROUP ? PropertyType.GROUP_COLLECTION : null;
            if (needed != null && needed != collection) {
                add(Kind.COLLECTION_SCOPE, p + " can only be used inside " + (needed == PropertyType.STRING_COLLECTION
                        ? "-any/-all over a multi-valued string property" : needed == PropertyType.PLAN_COLLECTION
                        ? "user.assignedPlans -any/-all" : "memberOf -any"), c);
            }
            see(p, c);
            Optional<RuleCatalog.Entry> entry = resolve(p, c);
            RuleOperator op = c.operator();
            RuleValue v = c.value();
            if (op == RuleOperator.MATCH || op == RuleOperator.NOT_MATCH || op == RuleOperator.CONTAINS
                    || op == RuleOperator.NOT_CONTAINS) {
                add(Kind.SLOW_OPERATOR, op.token() + " on " + p + " is slow; Microsoft advises keeping -match and"
                        + " -contains to a minimum (prefer -eq, -startsWith or -in)", c);
            }
            if (v instanceof RuleValue.Null) {
                if (op != RuleOperator.EQ && op != RuleOperator.NE) {
                    add(Kind.NULL_OPERATOR, "null can only be compared with -eq or -ne, not " + op.token(), c);
                }
            } else if (v instanceof RuleValue.TextList) {
                if (op == RuleOperator.EQ || op == RuleOperator.NE) {
                    add(Kind.EQ_WITH_LIST, op.token() + " cannot compare with a list; use "
                            + (op == RuleOperator.EQ ? "-in" : "-notIn"), c);
                } else if (op != RuleOperator.IN && op != RuleOperator.NOT_IN) {
                    add(Kind.OPERATOR_NOT_ALLOWED, "a [list] can only be used with -in or -notIn, not " + op.token(),
                            c);
                }
            } else if (op == RuleOperator.IN || op == RuleOperator.NOT_IN) {
                add(Kind.LIST_REQUIRED, op.token() + " needs a [list] of values", c);
            }
            if ((op == RuleOperator.MATCH || op == RuleOperator.NOT_MATCH) && v instanceof RuleValue.Text) {
                try {
                    Pattern.compile(((RuleValue.Text) v).value());
                } catch (PatternSyntaxException ex) {
                    add(Kind.INVALID_REGEX, "invalid regular expression for " + op.token() + ": "
                            + ex.getDescription(), c);
                }
            }
            entry.ifPresent(en -> typeCheck(c, en.type()));
        }

        private void typeCheck(Comparison c, PropertyType type) {
            RuleOperator op = c.operator();
            RuleValue v = c.value();
            PropertyRef p = c.property();
            switch (type) {
                case BOOLEAN:
                    if (op != RuleOperator.EQ && op != RuleOperator.NE) {
                        add(Kind.OPERATOR_NOT_ALLOWED, op.token() + " is not allowed for the bool property " + p
                                + "; use -eq or -ne", c);
                    } else if (!(v instanceof RuleValue.Bool || v instanceof RuleValue.Null
                            || (v instanceof RuleValue.Text && isBoolText(((RuleValue.Text) v).value())))) {
                        add(Kind.VALUE_TYPE_MISMATCH, p + " is bool; compare it with true or false", c);
                    }
                    break;
                case STRING:
                    if (op == RuleOperator.LE || op == RuleOperator.GE) {
                        add(Kind.OPERATOR_NOT_ALLOWED, op.token() + " is only documented for dateTime properties, not"
                                + " the string property " + p, c);
                    }
                    if (v instanceof RuleValue.Now) {
                        add(Kind.VALUE_TYPE_MISMATCH, "system.now can only be compared with a dateTime property", c);
                    }
                    break;
                case STRING_COLLECTION:
                    if (op == RuleOperator.CONTAINS || op == RuleOperator.NOT_CONTAINS) {
                        add(Kind.CONTAINS_ON_COLLECTION, op.token() + " is a substring test, not collection"
                                + " membership; write " + p + " -any (_ -eq \"…\") instead", c);
                    } else if (!(v instanceof RuleValue.Null)) {
                        add(Kind.OPERATOR_NOT_ALLOWED, p + " is multi-valued; use -any or -all with _, not "
                                + op.token(), c);
                    }
                    break;
                case DATE_TIME:
                    add(Kind.DATE_TIME_PREVIEW, "dateTime properties such as " + p + " are a preview feature", c);
                    if (op != RuleOperator.LE && op != RuleOperator.GE && op != RuleOperator.EQ
                            && op != RuleOperator.NE) {
                        add(Kind.OPERATOR_NOT_ALLOWED, op.token() + " is not allowed for the dateTime property " + p
                                + "; use -le or -ge", c);
                    } else if (!(v instanceof RuleValue.Now || v instanceof RuleValue.Null
                            || (v instanceof RuleValue.Text && RuleDates.parse(((RuleValue.Text) v).value()) != null))) {
                        add(Kind.VALUE_TYPE_MISMATCH, p + " is a dateTime; compare it with an ISO-8601 date or"
                                + " system.now", c);
                    }
                    break;
                case PLAN_COLLECTION:
                case GROUP_COLLECTION:
                default:
                    add(Kind.OPERATOR_NOT_ALLOWED, p + " is a collection of objects; use -any or -all, not "
                            + op.token(), c);
                    break;
            }
        }

        private static boolean isBoolText(String s) {
            return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
        }
    }
}
