package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.DirectReports;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import java.time.Duration;
import java.util.List;

/**
 * Prints a rule tree as rule text in canonical form.
 *
 * <p>Canonical form uses ASCII operators in their documented spelling ({@code -eq}, {@code -startsWith}), double
 * quotes for strings (single quotes for {@code memberOf} lists, as documented), backtick-escaped double quotes and
 * backticks, doubled single quotes, and only the parentheses that the tree's shape needs. The body of
 * {@code -any}/{@code -all} is always parenthesised. For every tree {@code t},
 * {@code GroupMembershipRule.parse(RulePrinter.print(t)).expression().equals(t)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RulePrinter {

    private RulePrinter() {
    }

    /**
     * Prints a tree in canonical form with minimal parentheses.
     *
     * @param expression the tree
     * @return the rule text
     */
    public static String print(RuleExpression expression) {
        return print(expression, false);
    }

    /**
     * Prints a tree, optionally wrapping every single comparison that is an operand of {@code -and}/{@code -or} in
     * parentheses, the style of {@code (user.department -eq "Sales") -or (user.mail -eq "a@b.c")}.
     *
     * @param expression the tree
     * @param parenthesizeClauses whether to parenthesise each comparison inside {@code -and}/{@code -or}
     * @return the rule text
     */
    public static String print(RuleExpression expression, boolean parenthesizeClauses) {
        StringBuilder sb = new StringBuilder();
        new Writer(sb, parenthesizeClauses).write(expression, false);
        return sb.toString();
    }

    /**
     * Quotes a string value for use in rule text: double quotes around it, backticks before double quotes and
     * backticks, single quotes doubled.
     *
     * @param value the raw value
     * @return the quoted literal, for example {@code "O''Brien `"Bob`""}
     */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        appendDoubleQuoted(sb, value);
        return sb.toString();
    }

    private static void appendDoubleQuoted(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '`') {
                sb.append('`');
            } else if (c == '\'') {
                sb.append('\'');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static void appendSingleQuoted(StringBuilder sb, String value) {
        sb.append('\'').append(value.replace("'", "''")).append('\'');
    }

    static String formatDuration(Duration d) {
        if (d.getNano() == 0 && d.getSeconds() % 86_400 == 0) {
            return "P" + d.getSeconds() / 86_400 + "D";
        }
        return d.toString();
    }

    private static final class Writer {
        private final StringBuilder sb;
        private final boolean parenthesizeClauses;

        Writer(StringBuilder sb, boolean parenthesizeClauses) {
            this.sb = sb;
            this.parenthesizeClauses = parenthesizeClauses;
        }

        void write(RuleExpression e, boolean inGroupScope) {
            if (e instanceof Or) {
                joined(((Or) e).operands(), " -or ", true, inGroupScope);
            } else if (e instanceof And) {
                joined(((And) e).operands(), " -and ", false, inGroupScope);
            } else if (e instanceof Not) {
                RuleExpression operand = ((Not) e).operand();
                sb.append("-not ");
                boolean parens = operand instanceof And || operand instanceof Or;
                wrapped(operand, parens, inGroupScope);
            } else if (e instanceof Comparison) {
                comparison((Comparison) e);
            } else if (e instanceof Quantified) {
                Quantified q = (Quantified) e;
                sb.append(q.collection()).append(' ').append(q.quantifier().token()).append(" (");
                write(q.predicate(), q.collection().name().equalsIgnoreCase("memberOf"));
                sb.append(')');
            } else {
                sb.append("Direct Reports for ");
                appendDoubleQuoted(sb, ((DirectReports) e).managerId());
            }
        }

        private void joined(List<RuleExpression> operands, String op, boolean isOr, boolean inGroupScope) {
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    sb.append(op);
                }
                RuleExpression o = operands.get(i);
                boolean parens = o instanceof Or || (!isOr && o instanceof And) || (isOr && o instanceof Or)
                        || (parenthesizeClauses && o instanceof Comparison);
                wrapped(o, parens, inGroupScope);
            }
        }

        private void wrapped(RuleExpression e, boolean parens, boolean inGroupScope) {
            if (parens) {
                sb.append('(');
            }
            write(e, inGroupScope);
            if (parens) {
                sb.append(')');
            }
        }

        private void comparison(Comparison c) {
            sb.append(c.property()).append(' ').append(c.operator().token()).append(' ');
            RuleValue v = c.value();
            if (v instanceof RuleValue.Text) {
                appendDoubleQuoted(sb, ((RuleValue.Text) v).value());
            } else if (v instanceof RuleValue.Bool) {
                sb.append(((RuleValue.Bool) v).value());
            } else if (v instanceof RuleValue.Null) {
                sb.append("null");
            } else if (v instanceof RuleValue.TextList) {
                boolean single = c.property().scope() == PropertyRef.Scope.GROUP;
                sb.append('[');
                List<String> items = ((RuleValue.TextList) v).values();
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    if (single) {
                        appendSingleQuoted(sb, items.get(i));
                    } else {
                        appendDoubleQuoted(sb, items.get(i));
                    }
                }
                sb.append(']');
            } else {
                Duration offset = ((RuleValue.Now) v).offset();
                sb.append("system.now");
                if (!offset.isZero()) {
                    sb.append(offset.isNegative() ? " -minus " : " -plus ").append(formatDuration(offset.abs()));
                }
            }
        }
    }
}
