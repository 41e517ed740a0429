using System.Globalization;
using System.Text;

namespace Alpy.Lab.Apps;

/// <summary>Saves what an app container did into the run folder, one file per container.</summary>
internal static class AppLogs
{
    public static async Task SaveAsync(string directory, string nodeName, AppResult result)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"node: {nodeName}\n")
            .Append(CultureInfo.InvariantCulture, $"argv: {string.Join(' ', result.Argv.Select(Quote))}\n")
            .Append(CultureInfo.InvariantCulture, $"exit code: {result.ExitCode}\n")
            .Append(CultureInfo.InvariantCulture, $"duration: {result.Duration.TotalMilliseconds:0} ms\n")
            .Append("--- stdout ---\n").Append(result.Stdout)
            .Append("\n--- stderr ---\n").Append(result.Stderr).Append('\n');
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, result.ContainerName + ".log"), text.ToString()).ConfigureAwait(false);
    }

    /// <summary>An argument as a reader would type it (shown only; never executed by a shell).</summary>
    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
