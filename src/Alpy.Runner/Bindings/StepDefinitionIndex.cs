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
    /// <remarks>
    /// Nearly every text matches one definition, so the first match is kept aside and a list is made
    /// only for a second one: one array and one result per text.
    /// </remarks>
    public StepMatchResult[] Matches(string text)
    {
        var found = new Found();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (firstWords.TryGetValue(space > 0 ? text.AsSpan(0, space) : text.AsSpan(), out var words))
        {
            Collect(words, text, ref found);
        }

        if (text.Length > 0 && byFirstChar.TryGetValue(text[0], out var chars))
        {
            Collect(chars, text, ref found);
        }

        Collect(anywhere, text, ref found);
        return found.ToResults();
    }

    private static void Collect(List<(int Index, StepDefinitionBinding Binding)> candidates, string text, ref Found found)
    {
        foreach (var (index, binding) in candidates)
        {
            if (binding.Match(text) is { } match)
            {
                found.Add(index, binding, match);
            }
        }
    }

    /// <summary>The matches so far: the first in fields, any more in a list (buckets are merged, so sorted at the end).</summary>
    private struct Found
    {
        private (int Index, StepDefinitionBinding Binding, Match Match) first;
        private List<(int Index, StepDefinitionBinding Binding, Match Match)>? all;
        private int count;

        public void Add(int index, StepDefinitionBinding binding, Match match)
        {
            if (count == 0)
            {
                first = (index, binding, match);
            }
            else
            {
                all ??= [first];
                all.Add((index, binding, match));
            }

            count++;
        }

        public readonly StepMatchResult[] ToResults()
        {
            if (count == 0)
            {
                return [];
            }

            if (all is null)
            {
                return [new StepMatchResult(first.Binding, first.Match)];
            }

            all.Sort((a, b) => a.Index.CompareTo(b.Index));
            var results = new StepMatchResult[all.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = new StepMatchResult(all[i].Binding, all[i].Match);
            }

            return results;
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
