namespace Alpy.Reports.Html;

/// <summary>
/// Trims a .NET stack trace to the frames a reader acts on, as cucumber-js does with its own frames: the step
/// definitions and the libraries they call stay; the runner's dispatch, reflection, async state machines, the
/// test framework and the assertion library's plumbing go. What was hidden is counted on a last line, and
/// messages.ndjson keeps the whole trace. A trace of hidden frames only is left as it is.
/// </summary>
internal static class StackTraceFilter
{
    private const string FramePrefix = "   at ";
    private const string AsyncSeam = "--- End of stack trace from previous location ---";

    /// <summary>Namespaces whose frames say how a step was called, not why it failed.</summary>
    private static readonly string[] Plumbing =
    [
        "Reqnroll.", "System.Reflection.", "System.RuntimeMethodHandle.", "System.Runtime.CompilerServices.",
        "System.Runtime.ExceptionServices.", "System.Threading.", "Xunit.", "FluentAssertions.Execution.", "InvokeStub_",
    ];

    public static string Filter(string trace)
    {
        var lines = trace.Split('\n');
        var kept = new List<string>(lines.Length);
        var hidden = 0;
        var frames = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(FramePrefix, StringComparison.Ordinal))
            {
                frames++;
                if (IsPlumbing(line.AsSpan(FramePrefix.Length)))
                {
                    hidden++;
                    continue;
                }
            }
            else if (line.Trim() == AsyncSeam)
            {
                // Kept only between two kept frames: added now, dropped below if no kept frame follows.
                if (kept.Count == 0 || kept[^1].Trim() == AsyncSeam || !kept[^1].StartsWith(FramePrefix, StringComparison.Ordinal))
                    continue;
            }

            kept.Add(line);
        }

        while (kept.Count > 0 && kept[^1].Trim() == AsyncSeam)
            kept.RemoveAt(kept.Count - 1);
        if (hidden == 0 || hidden == frames)
            return trace;
        kept.Add($"   ({hidden} frame{(hidden == 1 ? "" : "s")} of the runner, reflection and async plumbing hidden; messages.ndjson has the whole trace)");
        return string.Join('\n', kept);
    }

    private static bool IsPlumbing(ReadOnlySpan<char> frame)
    {
        foreach (var prefix in Plumbing)
        {
            if (frame.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
