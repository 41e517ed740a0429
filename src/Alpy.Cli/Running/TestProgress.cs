using System.Text.RegularExpressions;

namespace Alpy.Cli.Running;

/// <summary>
/// What a running suite has done, read from dotnet test's console logger (verbosity normal), which prints one line per
/// finished test: <c>  Passed Title (column: value) [3 s]</c>. The test runner, not the message stream, is the source:
/// Reqnroll writes its message file through a 64 KiB buffer, so it lags behind the run.
/// </summary>
internal sealed partial class TestProgress(int? expected)
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public int Finished => Passed + Failed + Skipped;

    /// <summary>Folds one line of dotnet test's output in; returns the progress line to show for a finished test, else null.</summary>
    public string? Add(string line)
    {
        var match = Result().Match(line);
        if (!match.Success)
            return null;
        var (outcome, name, duration) = (match.Groups["outcome"].Value, match.Groups["name"].Value, match.Groups["duration"].Value);
        switch (outcome)
        {
            case "Passed":
                Passed++;
                break;
            case "Failed":
                Failed++;
                break;
            default:
                Skipped++;
                break;
        }

        var count = expected is { } total ? $"{Finished}/{total}" : $"{Finished}";
        return $"{count} {outcome.ToLowerInvariant(),-7} {name}{(duration.Length > 0 ? $" ({duration})" : "")}";
    }

    /// <summary>"12/40 scenarios, 1 failed".</summary>
    public string Describe() =>
        $"{Finished}{(expected is { } total ? $"/{total}" : "")} scenarios{(Failed > 0 ? $", {Failed} failed" : "")}{(Skipped > 0 ? $", {Skipped} skipped" : "")}";

    [GeneratedRegex(@"^\s+(?<outcome>Passed|Failed|Skipped) (?<name>.+?)(?: \[(?<duration>[^\]]+)\])?$")]
    private static partial Regex Result();
}
