namespace Alpy.Runner.Bindings;

/// <summary>
/// A Cucumber tag expression (<c>@smoke and not (@slow or @wip)</c>). A bare word is a tag, with
/// or without its @. Used by hook filters and <see cref="ScopeAttribute.Tag"/>.
/// </summary>
public sealed class TagExpression
{
    private readonly Func<ISet<string>, bool> evaluate;

    private TagExpression(string text, Func<ISet<string>, bool> evaluate)
    {
        Text = text;
        this.evaluate = evaluate;
    }

    public string Text { get; }

    /// <summary>Whether a scenario with these tags (with their @) satisfies the expression.</summary>
    public bool Matches(ISet<string> tags) => evaluate(tags);

    public override string ToString() => Text;

    /// <exception cref="FormatException">The expression cannot be parsed; the message says where.</exception>
    public static TagExpression Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var tokens = Tokenize(text);
        var position = 0;
        var result = ParseOr(text, tokens, ref position);
        if (position != tokens.Count)
        {
            throw new FormatException($"The tag expression \"{text}\" has an unexpected \"{tokens[position]}\".");
        }

        return new TagExpression(text.Trim(), result);
    }

    /// <summary>Any of the tags (Reqnroll's hook filter), as one expression; null when there are none.</summary>
    public static TagExpression? AnyOf(IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            return null;
        }

        var parts = tags.Select(Parse).ToArray();
        return parts.Length == 1
            ? parts[0]
            : new TagExpression(string.Join(" or ", parts.Select(p => p.Text.Contains(' ', StringComparison.Ordinal) ? "(" + p.Text + ")" : p.Text)), set => parts.Any(p => p.Matches(set)));
    }

    private static Func<ISet<string>, bool> ParseOr(string text, List<string> tokens, ref int position)
    {
        var left = ParseAnd(text, tokens, ref position);
        while (position < tokens.Count && tokens[position] == "or")
        {
            position++;
            var right = ParseAnd(text, tokens, ref position);
            var l = left;
            left = set => l(set) || right(set);
        }

        return left;
    }

    private static Func<ISet<string>, bool> ParseAnd(string text, List<string> tokens, ref int position)
    {
        var left = ParseNot(text, tokens, ref position);
        while (position < tokens.Count && tokens[position] == "and")
        {
            position++;
            var right = ParseNot(text, tokens, ref position);
            var l = left;
            left = set => l(set) && right(set);
        }

        return left;
    }

    private static Func<ISet<string>, bool> ParseNot(string text, List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException($"The tag expression \"{text}\" ends too early: a tag is missing.");
        }

        var token = tokens[position++];
        switch (token)
        {
            case "not":
                var operand = ParseNot(text, tokens, ref position);
                return set => !operand(set);
            case "(":
                var inner = ParseOr(text, tokens, ref position);
                if (position >= tokens.Count || tokens[position] != ")")
                {
                    throw new FormatException($"The tag expression \"{text}\" has a \"(\" without its \")\".");
                }

                position++;
                return inner;
            case ")" or "and" or "or":
                throw new FormatException($"The tag expression \"{text}\" has \"{token}\" where a tag should be.");
            default:
                var tag = token.StartsWith('@') ? token : "@" + token;
                return set => set.Contains(tag);
        }
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                if (c is '(' or ')')
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
