package io.github.m365kit.group;

import io.github.m365kit.group.RuleExpression.And;
import io.github.m365kit.group.RuleExpression.Comparison;
import io.github.m365kit.group.RuleExpression.DirectReports;
import io.github.m365kit.group.RuleExpression.Not;
import io.github.m365kit.group.RuleExpression.Or;
import io.github.m365kit.group.RuleExpression.Quantified;
import io.github.m365kit.group.RuleExpression.Quantifier;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the rule language. Not thread-safe; one instance parses one text.
 *
 * <p>Recursion is bounded by {@link #MAX_DEPTH}, so hostile input ends in a {@link RuleSyntaxException}, never a
 * {@link StackOverflowError}.
 */
final class RuleParser {

    /** The service's documented maximum rule length. */
    static final int MAX_LENGTH = 3072;
    /** Deepest nesting of parentheses, {@code -not} and collection operators the parser accepts. */
    static final int MAX_DEPTH = 100;

    private enum Type { LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, STRING, WORD, DASH_WORD, EOF }

    private record Token(Type type, String text, int column, String source) {
        String describe() {
            return type == Type.EOF ? "end of input" : "'" + source + "'";
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<RuleFinding> warnings = new ArrayList<>();
    private final Map<RuleExpression, Integer> columns = new IdentityHashMap<>();
    private final Set<RuleExpression> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    private int pos;

    private RuleParser(String text) {
        this.text = text;
    }

    /** The result of a parse: the tree plus what the parser noticed on the way. */
    record Result(RuleExpression expression, List<RuleFinding> warnings, Map<RuleExpression, Integer> columns,
                  Set<RuleExpression> parenthesized) {
    }

    static Result parse(String text) {
        if (text == null) {
            throw new NullPointerException("rule == null");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1, "at most " + MAX_LENGTH + " characters",
                    text.length() + " characters");
        }
        RuleParser p = new RuleParser(text);
        p.lex();
        RuleExpression e = p.parseTop();
        return new Result(e, List.copyOf(p.warnings), p.columns, p.parenthesized);
    }

    // ---------------------------------------------------------------- lexer

    private static boolean isTypographicDash(char c) {
        return c == '\u2013' || c == '\u2014';
    }

    private static boolean isDoubleQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == ',' || c == '\'' || isDoubleQuote(c);
    }

    private void lex() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c) || c == '\u00A0') {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                Type t = c == '(' ? Type.LPAREN : c == ')' ? Type.RPAREN : c == '[' ? Type.LBRACKET
                        : c == ']' ? Type.RBRACKET : Type.COMMA;
                tokens.add(new Token(t, String.valueOf(c), col, String.valueOf(c)));
                i++;
            } else if (isDoubleQuote(c)) {
                i = lexDoubleQuoted(i);
            } else if (c == '\'') {
                i = lexSingleQuoted(i);
            } else if ((c == '-' || isTypographicDash(c)) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                if (c != '-') {
                    warnings.add(RuleFinding.of(RuleFinding.Kind.TYPOGRAPHIC_DASH, "typographic dash '" + c
                            + "' at column " + col + " read as '-'; the service may not accept it", col));
                }
                int j = i + 1;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i + 1, j);
                tokens.add(new Token(Type.DASH_WORD, word, col, text.substring(i, j)));
                i = j;
            } else {
                int j = i;
                while (j < n && !isDelimiter(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i, j);
                tokens.add(new Token(Type.WORD, word, col, word));
                i = j;
            }
        }
        tokens.add(new Token(Type.EOF, "", n + 1, ""));
    }

    private int lexDoubleQuoted(int start) {
        char open = text.charAt(start);
        boolean typographic = open != '"';
        if (typographic) {
            warnings.add(RuleFinding.of(RuleFinding.Kind.TYPOGRAPHIC_QUOTE, "typographic quote '" + open
                    + "' at column " + (start + 1) + " read as '\"'", start + 1));
        }
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '`' && i + 1 < n && (isDoubleQuote(text.charAt(i + 1)) || text.charAt(i + 1) == '`')) {
                sb.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
                sb.append('\'');
                i += 2;
            } else if (c == '"' || (typographic && isDoubleQuote(c))) {
                tokens.add(new Token(Type.STRING, sb.toString(), start + 1, text.substring(start, i + 1)));
                return i + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        throw new RuleSyntaxException(n + 1, "a closing '\"' for the string opened at column " + (start + 1),
                "end of input");
    }

    private int lexSingleQuoted(int start) {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < n && text.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Type.STRING, sb.toString(), start + 1, text.substring(start, i + 1)));
                return i + 1;
            }
            sb.append(c);
            i++;
        }
        throw new RuleSyntaxException(n + 1, "a closing \"'\" for the string opened at column " + (start + 1),
                "end of input");
    }

    // ---------------------------------------------------------------- parser

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type != Type.EOF) {
            pos++;
        }
        return t;
    }

    private static boolean isKeyword(Token t, String word) {
        return (t.type == Type.DASH_WORD || t.type == Type.WORD) && t.text.equalsIgnoreCase(word);
    }

    private <T extends RuleExpression> T at(T node, int column) {
        columns.put(node, column);
        return node;
    }

    private static void checkDepth(int depth, Token t) {
        if (depth > MAX_DEPTH) {
            throw new RuleSyntaxException(t.column, "at most " + MAX_DEPTH + " levels of nesting",
                    "deeper nesting at " + t.describe());
        }
    }

    private RuleExpression parseTop() {
        if (peek().type == Type.EOF) {
            throw new RuleSyntaxException(1, "an expression", "end of input");
        }
        RuleExpression e = parseOr(0);
        Token t = peek();
        if (t.type != Type.EOF) {
            throw new RuleSyntaxException(t.column, "-and, -or or end of input", t.describe());
        }
        return e;
    }

    private RuleExpression parseOr(int depth) {
        int col = peek().column;
        RuleExpression first = parseAnd(depth);
        if (!isKeyword(peek(), "or")) {
            return first;
        }
        List<RuleExpression> operands = new ArrayList<>();
        operands.add(first);
        while (isKeyword(peek(), "or")) {
            next();
            operands.add(parseAnd(depth));
        }
        return at(new Or(operands), col);
    }

    private RuleExpression parseAnd(int depth) {
        int col = peek().column;
        RuleExpression first = parseUnary(depth);
        if (!isKeyword(peek(), "and")) {
            return first;
        }
        List<RuleExpression> operands = new ArrayList<>();
        operands.add(first);
        while (isKeyword(peek(), "and")) {
            next();
            operands.add(parseUnary(depth));
        }
        return at(new And(operands), col);
    }

    private RuleExpression parseUnary(int depth) {
        Token t = peek();
        if (isKeyword(t, "not")) {
            next();
            checkDepth(depth + 1, t);
            return at(new Not(parseUnary(depth + 1)), t.column);
        }
        return parsePrimary(depth);
    }

    private RuleExpression parsePrimary(int depth) {
        Token t = peek();
        if (t.type == Type.LPAREN) {
            next();
            checkDepth(depth + 1, t);
            RuleExpression inner = parseOr(depth + 1);
            Token close = next();
            if (close.type != Type.RPAREN) {
                throw new RuleSyntaxException(close.column, "')' to close the '(' at column " + t.column
                        + " (or -and, -or)", close.describe());
            }
            parenthesized.add(inner);
            return inner;
        }
        if (t.type == Type.WORD && t.text.equalsIgnoreCase("direct")) {
            return parseDirectReports();
        }
        if (t.type != Type.WORD) {
            throw new RuleSyntaxException(t.column, "a property such as user.department, '(' or -not",
                    t.describe());
        }
        next();
        PropertyRef property = parseProperty(t);
        Token op = peek();
        if (isKeyword(op, "any") || isKeyword(op, "all")) {
            next();
            Quantifier q = op.text.equalsIgnoreCase("any") ? Quantifier.ANY : Quantifier.ALL;
            checkDepth(depth + 1, op);
            RuleExpression body = peek().type == Type.LPAREN ? parsePrimary(depth + 1) : parseOr(depth + 1);
            return at(new Quantified(property, q, body), t.column);
        }
        Optional<RuleOperator> operator = op.type == Type.WORD || op.type == Type.DASH_WORD
                ? RuleOperator.byName(op.text) : Optional.empty();
        if (operator.isEmpty()) {
            throw new RuleSyntaxException(op.column, "an operator such as -eq, -in or -any after " + property,
                    op.describe());
        }
        next();
        RuleValue value = parseValue(operator.get());
        return at(new Comparison(property, operator.get(), value), t.column);
    }

    private RuleExpression parseDirectReports() {
        Token direct = next();
        Token reports = next();
        if (!isKeyword(reports, "reports") || reports.type != Type.WORD) {
            throw new RuleSyntaxException(reports.column, "'Reports' in 'Direct Reports for \"<id>\"'",
                    reports.describe());
        }
        Token forWord = next();
        if (!isKeyword(forWord, "for") || forWord.type != Type.WORD) {
            throw new RuleSyntaxException(forWord.column, "'for' in 'Direct Reports for \"<id>\"'",
                    forWord.describe());
        }
        Token id = next();
        if (id.type != Type.STRING) {
            throw new RuleSyntaxException(id.column, "the manager's object id in double quotes", id.describe());
        }
        return at(new DirectReports(id.text), direct.column);
    }

    private PropertyRef parseProperty(Token t) {
        String word = t.text;
        if (word.equals("_")) {
            return PropertyRef.item();
        }
        int dot = word.indexOf('.');
        PropertyRef.Scope scope = null;
        if (dot > 0) {
            String prefix = word.substring(0, dot);
            for (PropertyRef.Scope s : PropertyRef.Scope.values()) {
                if (s != PropertyRef.Scope.ITEM && s.word().equalsIgnoreCase(prefix)) {
                    scope = s;
                }
            }
        }
        String name = dot > 0 ? word.substring(dot + 1) : "";
        if (scope == null || name.isEmpty() || !isIdentifier(name)) {
            throw new RuleSyntaxException(t.column, "a property such as user.department, device.deviceOSType or _",
                    t.describe());
        }
        return new PropertyRef(scope, name);
    }

    private static boolean isIdentifier(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    private RuleValue parseValue(RuleOperator operator) {
        Token t = next();
        switch (t.type) {
            case STRING:
                return new RuleValue.Text(t.text);
            case LBRACKET:
                return parseList(t);
            case WORD:
                return parseBareValue(t);
            default:
                throw new RuleSyntaxException(t.column, "a value after " + operator.token()
                        + " (a quoted string, true, false, null, system.now or a [list])", t.describe());
        }
    }

    private RuleValue parseBareValue(Token t) {
        String w = t.text;
        if (w.equalsIgnoreCase("true") || w.equalsIgnoreCase("false")) {
            return new RuleValue.Bool(w.equalsIgnoreCase("true"));
        }
        if (w.equalsIgnoreCase("null")) {
            return new RuleValue.Null();
        }
        if (w.equalsIgnoreCase("system.now")) {
            Token op = peek();
            boolean plus = isKeyword(op, "plus");
            if (!plus && !isKeyword(op, "minus")) {
                return new RuleValue.Now(Duration.ZERO);
            }
            next();
            Token amount = next();
            Duration d;
            try {
                d = amount.type == Type.WORD ? Duration.parse(amount.text.toUpperCase(Locale.ROOT)) : null;
            } catch (DateTimeParseException e) {
                d = null;
            }
            if (d == null || d.isNegative()) {
                throw new RuleSyntaxException(amount.column, "an ISO-8601 duration such as P1D or PT12H",
                        amount.describe());
            }
            return new RuleValue.Now(plus ? d : d.negated());
        }
        return new RuleValue.Text(w);
    }

    private RuleValue parseList(Token open) {
        List<String> items = new ArrayList<>();
        if (peek().type == Type.RBRACKET) {
            next();
            return new RuleValue.TextList(items);
        }
        while (true) {
            Token item = next();
            if (item.type != Type.STRING && item.type != Type.WORD) {
                throw new RuleSyntaxException(item.column, "a quoted list item", item.describe());
            }
            items.add(item.text);
            Token sep = next();
            if (sep.type == Type.RBRACKET) {
                return new RuleValue.TextList(items);
            }
            if (sep.type != Type.COMMA) {
                throw new RuleSyntaxException(sep.column, "',' or ']' to close the list opened at column "
                        + open.column, sep.describe());
            }
        }
    }
}
