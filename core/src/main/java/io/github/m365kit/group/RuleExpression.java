package io.github.m365kit.group;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of a dynamic-membership rule.
 *
 * <p>Every node is an immutable record with value equality, so two rules with the same structure are
 * {@link Object#equals equal}. Parentheses are not nodes: they only shape the tree. {@code a -and b -and c} is one
 * {@link And} with three operands, while {@code a -and (b -and c)} is an {@link And} whose second operand is another
 * {@link And}.
 */
public sealed interface RuleExpression permits RuleExpression.And, RuleExpression.Or, RuleExpression.Not,
        RuleExpression.Comparison, RuleExpression.Quantified, RuleExpression.DirectReports {

    /**
     * Joins expressions with {@code -or}.
     *
     * @param operands one or more expressions
     * @return the single operand itself, or an {@link Or} of all of them
     */
    static RuleExpression anyOf(RuleExpression... operands) {
        return operands.length == 1 ? Objects.requireNonNull(operands[0], "operand == null")
                : new Or(List.of(operands));
    }

    /**
     * Joins expressions with {@code -and}.
     *
     * @param operands one or more expressions
     * @return the single operand itself, or an {@link And} of all of them
     */
    static RuleExpression allOf(RuleExpression... operands) {
        return operands.length == 1 ? Objects.requireNonNull(operands[0], "operand == null")
                : new And(List.of(operands));
    }

    /**
     * Negates an expression with {@code -not}.
     *
     * @param operand the expression
     * @return a {@link Not}
     */
    static RuleExpression not(RuleExpression operand) {
        return new Not(operand);
    }

    /**
     * A conjunction, {@code a -and b -and …}.
     *
     * @param operands two or more operands, in source order
     */
    record And(List<RuleExpression> operands) implements RuleExpression {
        /**
         * Creates a conjunction.
         *
         * @param operands at least two operands; copied
         */
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("-and needs at least two operands: " + operands);
            }
        }
    }

    /**
     * A disjunction, {@code a -or b -or …}.
     *
     * @param operands two or more operands, in source order
     */
    record Or(List<RuleExpression> operands) implements RuleExpression {
        /**
         * Creates a disjunction.
         *
         * @param operands at least two operands; copied
         */
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("-or needs at least two operands: " + operands);
            }
        }
    }

    /**
     * A negation, {@code -not operand}.
     *
     * @param operand the negated expression
     */
    record Not(RuleExpression operand) implements RuleExpression {
        /**
         * Creates a negation.
         *
         * @param operand not null
         */
        public Not {
            Objects.requireNonNull(operand, "operand == null");
        }
    }

    /**
     * A single expression, {@code property operator value}.
     *
     * @param property the left-hand property
     * @param operator the comparison operator
     * @param value the right-hand value
     */
    record Comparison(PropertyRef property, RuleOperator operator, RuleValue value) implements RuleExpression {
        /**
         * Creates a comparison.
         *
         * @param property not null
         * @param operator not null
         * @param value not null
         */
        public Comparison {
            Objects.requireNonNull(property, "property == null");
            Objects.requireNonNull(operator, "operator == null");
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** The collection operators. */
    enum Quantifier {
        /** True if at least one item satisfies the predicate ({@code -any}). */
        ANY("-any"),
        /** True if every item satisfies the predicate ({@code -all}); true for an empty collection. */
        ALL("-all");

        private final String token;

        Quantifier(String token) {
            this.token = token;
        }

        /**
         * Returns the canonical spelling.
         *
         * @return {@code -any} or {@code -all}
         */
        public String token() {
            return token;
        }
    }

    /**
     * A collection expression, {@code collection -any (predicate)} or {@code collection -all (predicate)}.
     *
     * @param collection the multi-valued property, for example {@code user.assignedPlans}
     * @param quantifier {@code -any} or {@code -all}
     * @param predicate the expression over the item ({@code _}, {@code assignedPlan.*} or {@code group.*})
     */
    record Quantified(PropertyRef collection, Quantifier quantifier, RuleExpression predicate)
            implements RuleExpression {
        /**
         * Creates a collection expression.
         *
         * @param collection not null
         * @param quantifier not null
         * @param predicate not null
         */
        public Quantified {
            Objects.requireNonNull(collection, "collection == null");
            Objects.requireNonNull(quantifier, "quantifier == null");
            Objects.requireNonNull(predicate, "predicate == null");
        }
    }

    /**
     * The special rule {@code Direct Reports for "<managerObjectId>"}, which must stand alone.
     *
     * @param managerId the manager's object id
     */
    record DirectReports(String managerId) implements RuleExpression {
        /**
         * Creates a direct-reports rule.
         *
         * @param managerId not null
         */
        public DirectReports {
            Objects.requireNonNull(managerId, "managerId == null");
        }
    }
}
