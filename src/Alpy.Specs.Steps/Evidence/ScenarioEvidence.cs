using System.Globalization;
using System.Text;
using Alpy.Lab.Apps;
using Alpy.Specs.Steps.Labs;
using Reqnroll;

namespace Alpy.Specs.Steps.Evidence;

/// <summary>
/// The evidence a scenario leaves in its report. Every scenario: how it got its lab and tcpdump's text of
/// each link's frames in its window (which ends here). A failed scenario also: each link's frames as a pcap, the DUT console since
/// the scenario started, and every app container's command, exit code and output.
/// Reqnroll attaches files: each piece is written to the scenario's evidence folder in the lab's run folder
/// (<c>evidence/NNN-title/</c>, kept with the run's artifacts) and attached from there.
/// </summary>
public static class ScenarioEvidence
{
    /// <summary>The largest console excerpt attached (its end is kept).</summary>
    public const int MaxConsoleBytes = 64 * 1024;

    private static int s_scenarios;

    /// <summary>A new evidence folder for a scenario on <paramref name="lease"/>'s lab: evidence/NNN-title (NNN counts the run's scenarios).</summary>
    public static string Folder(LabLease lease, string title)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(title);
        var slug = new string([.. title.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        var name = string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref s_scenarios):000}-{(slug.Length > 60 ? slug[..60] : slug)}");
        return Directory.CreateDirectory(Path.Combine(lease.Lab.Folder.Path, "evidence", name)).FullName;
    }

    public static void Attach(IReqnrollOutputHelper output, LabLease lease, string folder, IReadOnlyList<AppResult> apps, bool failed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(apps);
        output.WriteLine($"Lab: {lease.Story}; evidence in {folder}");
        var links = new StringBuilder();
        lease.Captures.End();
        for (var link = 0; link < lease.Captures.Count; link++)
        {
            var window = lease.Captures.Window(link);
            links.Append(CultureInfo.InvariantCulture, $"== link {link}: {window.Count} frame(s) of the scenario ({window.Extent}), as tcpdump -# -n -e -r prints them\n")
                .Append(window.Count == 0 ? "" : window.Excerpt(failed ? 400 : 60, indent: "  ") + "\n");
            if (failed)
            {
                // The whole-run pcap named above goes with the lab (ALPY_KEEP_CAPTURES); the slice is the lasting copy.
                links.Append(CultureInfo.InvariantCulture, $"  (these frames are in link{link}.pcap, attached to this scenario; the lab's whole-run pcap is deleted at its teardown unless ALPY_KEEP_CAPTURES=always)\n");
                var pcap = Path.Combine(folder, $"link{link}.pcap");
                using (var file = File.Create(pcap))
                    window.WriteTo(file);
                output.AddAttachment(pcap);
            }
        }

        output.AddAttachment(WriteFile(folder, "links.txt", links.ToString()));
        if (!failed)
            return;
        output.AddAttachment(WriteFile(folder, "dut-console.txt", ConsoleExcerpt(lease)));
        if (apps.Count > 0)
            output.AddAttachment(WriteFile(folder, "apps.txt", AppsText(apps)));
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="folder"/>/<paramref name="name"/>; returns the path, to attach.</summary>
    public static string WriteFile(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The DUT console log since the scenario started (its last <see cref="MaxConsoleBytes"/>).</summary>
    internal static string ConsoleExcerpt(LabLease lease)
    {
        if (!File.Exists(lease.ConsoleLog))
            return $"(no console log at {lease.ConsoleLog})";
        using var stream = new FileStream(lease.ConsoleLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = Math.Max(lease.ConsoleOffset, stream.Length - MaxConsoleBytes);
        stream.Position = start;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var cut = start > lease.ConsoleOffset ? $"(the first {start - lease.ConsoleOffset} bytes of the scenario's console output are left out; see {lease.ConsoleLog})\n" : "";
        return $"DUT console since the scenario started ({lease.ConsoleLog} from byte {lease.ConsoleOffset}):\n{cut}{text}";
    }

    private static string AppsText(IReadOnlyList<AppResult> apps)
    {
        var text = new StringBuilder();
        foreach (var app in apps)
        {
            text.Append(CultureInfo.InvariantCulture, $"== {app.ContainerName}: exit code {app.ExitCode} after {app.Duration.TotalMilliseconds:0} ms\n")
                .Append("argv: ").Append(string.Join(' ', app.Argv.Select(Shown))).Append('\n')
                .Append("--- stdout ---\n").Append(app.Stdout.TrimEnd()).Append('\n')
                .Append("--- stderr ---\n").Append(app.Stderr.TrimEnd()).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>An argument as a reader would type it (shown only, never run).</summary>
    private static string Shown(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
