using System.Collections.Generic;
using System.Text;

namespace Alpy.Runner.Expressions;

/// <summary>
/// Parses Cucumber Expression text into nodes. Whitespace and parameters bound alternations
/// (<c>belly/stomach</c>); <c>(...)</c> is optional text; <c>\</c> escapes one of
/// <c>\ ( ) { } /</c> or whitespace. Errors name the column and what to change.
/// </summary>
internal static class CucumberExpressionParser
{
    private const string Escapable = "\\(){}/";

    public static IReadOnlyList<ExpressionNode> Parse(string expression)
    {
        var tokens = Tokenize(expression);
        var result = new List<ExpressionNode>();
        var index = 0;
        while (index < tokens.Count)
        {
            if (tokens[index].Kind == TokenKind.Whitespace)
            {
                result.Add(ExpressionNode.Literal(tokens[index].Text));
                index++;
                continue;
            }

            // A run of non-whitespace tokens: parameters split it into segments, and a segment
            // that holds a top-level '/' is an alternation.
            var run = new List<Token>();
            while (index < tokens.Count && tokens[index].Kind != TokenKind.Whitespace)
            {
                run.Add(tokens[index]);
                index++;
            }

            ParseRun(expression, run, result);
        }

        return result;
    }

    private static void ParseRun(string expression, List<Token> run, List<ExpressionNode> result)
    {
        var segment = new List<Token>();
        var optionalDepth = 0;
        var i = 0;
        while (i < run.Count)
        {
            // A parameter inside an optional stays in the segment, which reports it as an error.
            optionalDepth += run[i].Kind == TokenKind.BeginOptional ? 1 : run[i].Kind == TokenKind.EndOptional && optionalDepth > 0 ? -1 : 0;
            if (run[i].Kind == TokenKind.BeginParameter && optionalDepth == 0)
            {
                FlushSegment(expression, segment, result);
                result.Add(ParseParameter(expression, run, ref i));
                continue;
            }

            segment.Add(run[i]);
            i++;
        }

        FlushSegment(expression, segment, result);
    }

    private static void FlushSegment(string expression, List<Token> segment, List<ExpressionNode> result)
    {
        if (segment.Count == 0)
        {
            return;
        }

        var alternatives = new List<List<Token>> { new() };
        var depth = 0;
        foreach (var token in segment)
        {
            if (token.Kind == TokenKind.BeginOptional)
            {
                depth++;
            }
            else if (token.Kind == TokenKind.EndOptional && depth > 0)
            {
                depth--;
            }

            if (token.Kind == TokenKind.Alternation && depth == 0)
            {
                alternatives.Add(new List<Token>());
            }
            else
            {
                alternatives[alternatives.Count - 1].Add(token);
            }
        }

        if (alternatives.Count == 1)
        {
            result.AddRange(ParseSequence(expression, segment));
            segment.Clear();
            return;
        }

        var nodes = new List<ExpressionNode>();
        foreach (var alternative in alternatives)
        {
            if (alternative.Count == 0)
            {
                throw Error(expression, segment[0].Position, "an alternative may not be empty. Write text on both sides of '/', or escape it as '\\/'");
            }

            var parts = ParseSequence(expression, alternative);
            if (parts.TrueForAll(p => p.Kind == ExpressionNodeKind.Optional))
            {
                throw Error(expression, alternative[0].Position, "an alternative may not exclusively contain optionals");
            }

            nodes.Add(ExpressionNode.Alternative(parts));
        }

        result.Add(ExpressionNode.Alternation(nodes));
        segment.Clear();
    }

    private static List<ExpressionNode> ParseSequence(string expression, List<Token> tokens)
    {
        var nodes = new List<ExpressionNode>();
        var text = new StringBuilder();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.BeginOptional:
                    FlushText(text, nodes);
                    var close = FindClosingOptional(expression, tokens, i);
                    if (close < 0)
                    {
                        throw Error(expression, token.Position, "the '(' does not have a matching ')'. Close it, or escape it as '\\('");
                    }

                    var inner = tokens.GetRange(i + 1, close - i - 1);
                    if (inner.Count == 0)
                    {
                        throw Error(expression, token.Position, "an optional must contain some text, e.g. 'cucumber(s)'");
                    }

                    if (inner.Exists(t => t.Kind == TokenKind.BeginParameter))
                    {
                        throw Error(expression, token.Position, "an optional may not contain a parameter type");
                    }

                    nodes.Add(ExpressionNode.Optional(ParseSequence(expression, inner)));
                    i = close + 1;
                    continue;
                case TokenKind.BeginParameter:
                    throw Error(expression, token.Position, "a parameter may not be used here");
                default:
                    text.Append(token.Text);
                    break;
            }

            i++;
        }

        FlushText(text, nodes);
        return nodes;
    }

    private static int FindClosingOptional(string expression, List<Token> tokens, int open)
    {
        for (var i = open + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.EndOptional)
            {
                return i;
            }

            if (tokens[i].Kind == TokenKind.BeginOptional)
            {
                throw Error(expression, tokens[i].Position, "an optional may not contain another optional");
            }
        }

        return -1;
    }

    private static ExpressionNode ParseParameter(string expression, List<Token> run, ref int i)
    {
        var open = run[i];
        var name = new StringBuilder();
        i++;
        while (i < run.Count && run[i].Kind != TokenKind.EndParameter)
        {
            var token = run[i];
            if (token.Kind != TokenKind.Text || token.Escaped)
            {
                throw Error(expression, token.Position, $"'{token.Text}' may not appear in a parameter name");
            }

            name.Append(token.Text);
            i++;
        }

        if (i >= run.Count)
        {
            throw Error(expression, open.Position, "the '{' does not have a matching '}'. Close it, or escape it as '\\{'");
        }

        i++; // the closing brace
        return ExpressionNode.Parameter(name.ToString());
    }

    private static void FlushText(StringBuilder text, List<ExpressionNode> nodes)
    {
        if (text.Length > 0)
        {
            nodes.Add(ExpressionNode.Literal(text.ToString()));
            text.Clear();
        }
    }

    private static List<Token> Tokenize(string expression)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\\')
            {
                if (i + 1 >= expression.Length)
                {
                    throw Error(expression, i, "the expression ends with '\\'. Escape it as '\\\\'");
                }

                var next = expression[i + 1];
                if (Escapable.IndexOf(next) < 0 && !char.IsWhiteSpace(next))
                {
                    throw Error(expression, i, $"only '{{', '}}', '(', ')', '\\', '/' and whitespace can be escaped, not '{next}'. Use a regular expression for more");
                }

                tokens.Add(new Token(TokenKind.Text, next.ToString(), i, escaped: true));
                i++;
                continue;
            }

            var kind = c switch
            {
                '(' => TokenKind.BeginOptional,
                ')' => TokenKind.EndOptional,
                '{' => TokenKind.BeginParameter,
                '}' => TokenKind.EndParameter,
                '/' => TokenKind.Alternation,
                _ => char.IsWhiteSpace(c) ? TokenKind.Whitespace : TokenKind.Text,
            };
            tokens.Add(new Token(kind, c.ToString(), i, escaped: false));
        }

        // A ')' or '}' without an opening partner is plain text.
        var optionalDepth = 0;
        var parameterDepth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.BeginOptional:
                    optionalDepth++;
                    break;
                case TokenKind.EndOptional when optionalDepth == 0:
                    tokens[i] = new Token(TokenKind.Text, token.Text, token.Position, escaped: false);
                    break;
                case TokenKind.EndOptional:
                    optionalDepth--;
                    break;
                case TokenKind.BeginParameter:
                    parameterDepth++;
                    break;
                case TokenKind.EndParameter when parameterDepth == 0:
                    tokens[i] = new Token(TokenKind.Text, token.Text, token.Position, escaped: false);
                    break;
                case TokenKind.EndParameter:
                    parameterDepth--;
                    break;
            }
        }

        return tokens;
    }

    private static ExpressionException Error(string expression, int position, string problem) =>
        new($"The Cucumber Expression \"{expression}\" is invalid at column {position + 1}: {problem}.");

    private enum TokenKind
    {
        Text,
        Whitespace,
        BeginOptional,
        EndOptional,
        BeginParameter,
        EndParameter,
        Alternation,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, string text, int position, bool escaped)
        {
            Kind = kind;
            Text = text;
            Position = position;
            Escaped = escaped;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public int Position { get; }

        public bool Escaped { get; }
    }
}
