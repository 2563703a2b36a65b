package io.github.m365kit.group;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule compiled for fast offline evaluation, with the service's documented semantics.
 *
 * <p>Values compare case-insensitively; property names are case-sensitive (they were resolved at compile time).
 * {@code -match} is a case-insensitive regular-expression search (a match anywhere in the value), using Java's
 * regex dialect; the service uses .NET regular expressions, so constructs specific to either dialect may behave
 * differently (UNCONFIRMED which ones matter in practice). A missing value
 * equals {@code null}; it satisfies no positive operator ({@code -eq "x"}, {@code -startsWith}, {@code -in}, …) and
 * therefore every negated one ({@code -ne "x"}, {@code -notIn}, …). How the service treats missing values with
 * negated operators is <b>UNCONFIRMED</b>; this follows the reading that {@code -ne} is the complement of
 * {@code -eq}. {@code -all} over an empty collection is true. {@code system.now} is read once, when the rule is
 * compiled.
 *
 * <p>Immutable and thread-safe; compile once, test many subjects.
 */
public final class CompiledRule implements Predicate<RuleSubject> {

    private final RuleCompiler.Node root;
    private final Set<String> graphNames;

    CompiledRule(RuleCompiler.Node root, Set<String> graphNames) {
        this.root = root;
        this.graphNames = Set.copyOf(graphNames);
    }

    /**
     * Evaluates the rule against one subject.
     *
     * @param subject the user or device
     * @return true if the subject would be a member
     */
    @Override
    public boolean test(RuleSubject subject) {
        return root.eval(subject, null);
    }

    /**
     * Returns the Graph JSON names the rule reads, for example to build a {@code $select}.
     *
     * @return an immutable set of possibly dotted names
     */
    public Set<String> graphProperties() {
        return graphNames;
    }
}
