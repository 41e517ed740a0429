namespace Alpy.Runner.Expressions;

/// <summary>
/// The nesting of the capturing groups of a regular expression, read from its source, so that a
/// match can be reported as a tree of groups the way Cucumber's TreeRegexp does.
/// </summary>
internal sealed class GroupShape
{
    private GroupShape(string? name, int number, IReadOnlyList<GroupShape> children)
    {
        Name = name;
        Number = number;
        Children = children;
    }

    /// <summary>The group's name when it is a named group.</summary>
    public string? Name { get; }

    /// <summary>The .NET group number of an unnamed group (named groups are looked up by name).</summary>
    public int Number { get; }

    public IReadOnlyList<GroupShape> Children { get; }

    /// <summary>The top-level capturing groups of <paramref name="pattern"/>, each with its nested groups.</summary>
    public static IReadOnlyList<GroupShape> Parse(string pattern)
    {
        var root = new Builder(null, 0);
        var stack = new Stack<Builder>();
        stack.Push(root);
        var unnamed = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++;
                    }

                    break;
                case '(':
                    var (capturing, name) = ReadGroupKind(pattern, i);
                    var builder = capturing ? new Builder(name, name is null ? ++unnamed : 0) : new Builder(null, -1);
                    stack.Peek().Children.Add(builder);
                    stack.Push(builder);
                    break;
                case ')':
                    if (stack.Count > 1)
                    {
                        stack.Pop();
                    }

                    break;
            }
        }

        return root.Build().Children;
    }

    private static (bool Capturing, string? Name) ReadGroupKind(string pattern, int open)
    {
        if (open + 1 >= pattern.Length || pattern[open + 1] != '?')
        {
            return (true, null);
        }

        // (?<name>...) and (?'name'...) capture; (?<= and (?<! are lookbehinds; anything else does not capture.
        if (open + 2 < pattern.Length && (pattern[open + 2] == '<' || pattern[open + 2] == '\''))
        {
            var start = open + 3;
            if (start < pattern.Length && (pattern[start] == '=' || pattern[start] == '!'))
            {
                return (false, null);
            }

            var close = pattern.IndexOfAny(['>', '\''], start);
            if (close > start)
            {
                var name = pattern[start..close];
                var dash = name.IndexOf('-', StringComparison.Ordinal);
                return (true, dash >= 0 ? name[..dash] : name);
            }
        }

        return (false, null);
    }

    private sealed class Builder(string? name, int number)
    {
        public List<Builder> Children { get; } = [];

        public GroupShape Build()
        {
            // Non-capturing groups vanish; their capturing descendants move up to this level.
            var children = new List<GroupShape>();
            foreach (var child in Children)
            {
                var built = child.Build();
                if (child.IsCapturing)
                {
                    children.Add(built);
                }
                else
                {
                    children.AddRange(built.Children);
                }
            }

            return new GroupShape(name, number, children);
        }

        private bool IsCapturing => number != -1;
    }
}
