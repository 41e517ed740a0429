using System.Text.RegularExpressions;

namespace Alpy.Runner.Bindings;

/// <summary>
/// Narrows the step definitions worth trying for a step text by the literal text they start
/// with, so matching costs a few regex runs instead of one per definition.
/// </summary>
internal sealed class StepDefinitionIndex
{
    private readonly Dictionary<string, List<(int Index, StepDefinitionBinding Binding)>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<(int Index, StepDefinitionBinding Binding)>> byFirstChar = [];
    private readonly List<(int Index, StepDefinitionBinding Binding)> anywhere = [];

    private readonly Dictionary<string, List<(int Index, StepDefinitionBinding Binding)>>.AlternateLookup<ReadOnlySpan<char>> firstWords;

    public StepDefinitionIndex(IReadOnlyList<StepDefinitionBinding> definitions)
    {
        firstWords = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Definitions = definitions;
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var prefix = definition.LiteralPrefix;
            var space = prefix.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                Add(byFirstWord, prefix[..space], (i, definition));
            }
            else if (prefix.Length > 0)
            {
                Add(byFirstChar, prefix[0], (i, definition));
            }
            else
            {
                anywhere.Add((i, definition));
            }
        }
    }

    public IReadOnlyList<StepDefinitionBinding> Definitions { get; }

    /// <summary>Every definition whose regex matches <paramref name="text"/>, in definition order.</summary>
    public List<(StepDefinitionBinding Binding, Match Match)> Matches(string text)
    {
        var found = new List<(int Index, StepDefinitionBinding Binding, Match Match)>(2);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (firstWords.TryGetValue(space > 0 ? text.AsSpan(0, space) : text.AsSpan(), out var words))
        {
            Collect(words, text, found);
        }

        if (text.Length > 0 && byFirstChar.TryGetValue(text[0], out var chars))
        {
            Collect(chars, text, found);
        }

        Collect(anywhere, text, found);
        if (found.Count > 1)
        {
            found.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        var result = new List<(StepDefinitionBinding, Match)>(found.Count);
        foreach (var (_, binding, match) in found)
        {
            result.Add((binding, match));
        }

        return result;
    }

    private static void Collect(List<(int Index, StepDefinitionBinding Binding)> candidates, string text, List<(int, StepDefinitionBinding, Match)> found)
    {
        foreach (var (index, binding) in candidates)
        {
            if (binding.Match(text) is { } match)
            {
                found.Add((index, binding, match));
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<(int, StepDefinitionBinding)>> map, TKey key, (int, StepDefinitionBinding) value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
