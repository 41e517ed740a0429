using System.Text;
using System.Text.Json.Nodes;

namespace Alpy.Runner.Tests.Cck;

/// <summary>
/// Compares two normalised streams as the kit asks: the same messages of each type in the same
/// order, and within every test case (and test-run hook) the same sequence of steps and
/// attachments. Messages of different types may interleave differently (the protocol only
/// partly orders them). Returns the differences, readable, or an empty list.
/// </summary>
internal static class StreamComparer
{
    public static IReadOnlyList<string> Differences(IReadOnlyList<NormalizedMessage> expected, IReadOnlyList<NormalizedMessage> actual)
    {
        var differences = new List<string>();
        var types = expected.Select(m => m.Type).Concat(actual.Select(m => m.Type)).Distinct().OrderBy(t => t, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var e = expected.Where(m => m.Type == type).ToArray();
            var a = actual.Where(m => m.Type == type).ToArray();
            if (e.Length != a.Length)
            {
                differences.Add($"{type}: expected {e.Length} message(s), got {a.Length}");
            }

            for (var i = 0; i < Math.Min(e.Length, a.Length); i++)
            {
                if (e[i].Json != a[i].Json)
                {
                    differences.Add($"{type}[{i}] differs:\n  expected {e[i].Json}\n  actual   {a[i].Json}");
                }
            }
        }

        var expectedTimelines = Timelines(expected);
        var actualTimelines = Timelines(actual);
        foreach (var key in expectedTimelines.Keys.Union(actualTimelines.Keys))
        {
            var e = string.Join(" > ", expectedTimelines.GetValueOrDefault(key) ?? []);
            var a = string.Join(" > ", actualTimelines.GetValueOrDefault(key) ?? []);
            if (e != a)
            {
                differences.Add($"order within {key} differs:\n  expected {e}\n  actual   {a}");
            }
        }

        return differences;
    }

    public static string Describe(IReadOnlyList<string> differences)
    {
        var text = new StringBuilder();
        foreach (var difference in differences.Take(8))
        {
            text.Append(difference).Append('\n');
        }

        if (differences.Count > 8)
        {
            text.Append($"... and {differences.Count - 8} more");
        }

        return text.ToString();
    }

    /// <summary>For each test case attempt and test-run hook, the messages that belong to it, in stream order.</summary>
    private static Dictionary<string, List<string>> Timelines(IReadOnlyList<NormalizedMessage> messages)
    {
        var timelines = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var body = JsonNode.Parse(message.Json)!.AsObject();
            var owner = message.Type == "testCaseStarted" ? $"testCaseStarted[{message.Index}]"
                : message.Type == "testRunHookStarted" ? $"testRunHookStarted[{message.Index}]"
                : (string?)body["testCaseStartedId"] ?? (string?)body["testRunHookStartedId"];
            if (owner is null)
            {
                continue;
            }

            if (!timelines.TryGetValue(owner, out var list))
            {
                list = [];
                timelines[owner] = list;
            }

            list.Add(message.Type + ((string?)body["testStepId"] is { } step ? "(" + step + ")" : string.Empty));
        }

        return timelines;
    }
}
