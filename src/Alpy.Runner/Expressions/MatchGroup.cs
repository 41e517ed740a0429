using System.Text.RegularExpressions;

namespace Alpy.Runner.Expressions;

/// <summary>
/// One group of a step's match, as Cucumber Messages report it: where it starts and what it
/// matched (both absent when the group did not take part in the match) and its nested groups.
/// </summary>
public sealed record MatchGroup(int? Start, string? Value, IReadOnlyList<MatchGroup> Children)
{
    internal static MatchGroup From(Match match, GroupShape shape)
    {
        var group = shape.Name is null ? match.Groups[shape.Number] : match.Groups[shape.Name];
        // A loop, not Select: a lambda over `match` would allocate its closure on every call, children or not.
        var children = shape.Children.Count == 0 ? [] : new MatchGroup[shape.Children.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = From(match, shape.Children[i]);
        }

        return group.Success ? new MatchGroup(group.Index, group.Value, children) : new MatchGroup(null, null, children);
    }
}
