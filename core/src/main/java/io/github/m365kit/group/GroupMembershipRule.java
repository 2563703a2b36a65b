package io.github.m365kit.group;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dynamic-membership rule: its syntax tree, plus the source text and parser warnings when it was parsed.
 *
 * <p>Immutable and thread-safe. Two rules are equal when their trees are equal, whatever their spelling.
 *
 * <pre>{@code
 * GroupMembershipRule rule = GroupMembershipRule.parse("user.department -eq \"Finance\" -or user.mail -in [\"a@contoso.com\"]");
 * List<RuleFinding> findings = rule.validate();
 * CompiledRule compiled = rule.compile();
 * boolean member = compiled.test(RuleSubject.ofMap(userJson));
 * }</pre>
 */
public final class GroupMembershipRule {

    /** The service's maximum rule length in characters. */
    public static final int MAX_LENGTH = RuleParser.MAX_LENGTH;

    private final RuleExpression expression;
    private final String sourceText;
    private final List<RuleFinding> parseWarnings;
    private final Map<RuleExpression, Integer> columns;
    private final boolean parenthesizedClauses;

    private GroupMembershipRule(RuleExpression expression, String sourceText, List<RuleFinding> parseWarnings,
                                Map<RuleExpression, Integer> columns, boolean parenthesizedClauses) {
        this.expression = expression;
        this.sourceText = sourceText;
        this.parseWarnings = parseWarnings;
        this.columns = columns;
        this.parenthesizedClauses = parenthesizedClauses;
    }

    /**
     * Parses rule text.
     *
     * <p>Accepts the whole documented grammar: hyphen-less operator spellings in any case, typographic dashes and
     * double quotes (normalised, each with a warning), backtick-escaped double quotes and doubled single quotes.
     *
     * @param text the rule text; at most {@value #MAX_LENGTH} characters
     * @return the parsed rule
     * @throws RuleSyntaxException if the text is not a rule; the message names the 1-based column
     */
    public static GroupMembershipRule parse(String text) {
        RuleParser.Result r = RuleParser.parse(text);
        RuleExpression e = r.expression();
        boolean parens = false;
        if (e instanceof RuleExpression.And || e instanceof RuleExpression.Or) {
            List<RuleExpression> ops = e instanceof RuleExpression.And ? ((RuleExpression.And) e).operands()
                    : ((RuleExpression.Or) e).operands();
            parens = ops.stream().allMatch(r.parenthesized()::contains);
        }
        return new GroupMembershipRule(e, text, r.warnings(), Collections.unmodifiableMap(r.columns()), parens);
    }

    /**
     * Wraps a tree built in code.
     *
     * @param expression the tree
     * @return a rule with no source text and no column information
     */
    public static GroupMembershipRule of(RuleExpression expression) {
        Objects.requireNonNull(expression, "expression == null");
        return new GroupMembershipRule(expression, null, List.of(), Map.of(), false);
    }

    /**
     * Returns the syntax tree.
     *
     * @return the root expression
     */
    public RuleExpression expression() {
        return expression;
    }

    /**
     * Returns the text this rule was parsed from.
     *
     * @return the source text, or empty for rules built in code
     */
    public Optional<String> sourceText() {
        return Optional.ofNullable(sourceText);
    }

    /**
     * Returns the warnings the parser produced (typographic dashes and quotes).
     *
     * @return an immutable list
     */
    public List<RuleFinding> parseWarnings() {
        return parseWarnings;
    }

    /**
     * Tells whether the source wrote every top-level clause in parentheses, as in
     * {@code (user.department -eq "Sales") -or (user.mail -eq "a@b.c")}.
     *
     * @return true if so; false for rules built in code
     */
    public boolean parenthesizedClauses() {
        return parenthesizedClauses;
    }

    /**
     * Returns the rule in canonical form (see {@link RulePrinter}).
     *
     * @return the canonical rule text
     */
    public String toRuleText() {
        return RulePrinter.print(expression);
    }

    /**
     * Validates the rule (see {@link RuleValidator}).
     *
     * @return all findings, parser warnings included, ordered by column
     */
    public List<RuleFinding> validate() {
        return RuleValidator.validate(this);
    }

    /**
     * Returns this rule if the validator finds no errors.
     *
     * @return this rule
     * @throws RuleValidationException listing the errors otherwise
     */
    public GroupMembershipRule requireValid() {
        List<RuleFinding> errors = validate().stream().filter(RuleFinding::isError).toList();
        if (!errors.isEmpty()) {
            throw new RuleValidationException(errors);
        }
        return this;
    }

    /**
     * Compiles the rule for fast offline evaluation, with {@code system.now} taken from the system UTC clock.
     *
     * @return the compiled rule
     * @throws RuleValidationException if the validator reports errors; only valid rules are compiled
     */
    public CompiledRule compile() {
        return compile(Clock.systemUTC());
    }

    /**
     * Compiles the rule for fast offline evaluation.
     *
     * @param clock the source of {@code system.now}; read once, at compile time
     * @return the compiled rule
     * @throws RuleValidationException if the validator reports errors; only valid rules are compiled
     */
    public CompiledRule compile(Clock clock) {
        Objects.requireNonNull(clock, "clock == null");
        requireValid();
        return RuleCompiler.compile(expression, clock);
    }

    /**
     * Returns the simplified rule (see {@link RuleSimplifier}); keeps the parenthesised-clause style of the source.
     *
     * @return the simplified rule
     */
    public GroupMembershipRule simplify() {
        return new GroupMembershipRule(RuleSimplifier.simplify(expression), null, List.of(), Map.of(),
                parenthesizedClauses);
    }

    /**
     * Prints the rule in canonical form, keeping the parenthesised-clause style if the source used it.
     *
     * @return the rule text
     */
    public String toStyledRuleText() {
        return RulePrinter.print(expression, parenthesizedClauses);
    }

    int columnOf(RuleExpression node) {
        Integer c = columns.get(node);
        return c == null ? 0 : c;
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof GroupMembershipRule && ((GroupMembershipRule) o).expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    /**
     * Returns the canonical rule text.
     *
     * @return the same as {@link #toRuleText()}
     */
    @Override
    public String toString() {
        return toRuleText();
    }

    /**
     * Tells whether the rule selects devices ({@code device.*} properties) rather than users.
     *
     * @return true when any comparison names a device property
     */
    public boolean isDeviceRule() {
        return mentionsDevice(expression());
    }

    private static boolean mentionsDevice(RuleExpression e) {
        if (e instanceof RuleExpression.And a) {
            return a.operands().stream().anyMatch(GroupMembershipRule::mentionsDevice);
        }
        if (e instanceof RuleExpression.Or o) {
            return o.operands().stream().anyMatch(GroupMembershipRule::mentionsDevice);
        }
        if (e instanceof RuleExpression.Not n) {
            return mentionsDevice(n.operand());
        }
        if (e instanceof RuleExpression.Comparison c) {
            return c.property().scope() == PropertyRef.Scope.DEVICE;
        }
        if (e instanceof RuleExpression.Quantified q) {
            return q.collection().scope() == PropertyRef.Scope.DEVICE;
        }
        return false;
    }
}
