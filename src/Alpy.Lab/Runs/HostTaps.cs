using System.Text.RegularExpressions;
using Alpy.Lab.Naming;

namespace Alpy.Lab.Runs;

/// <summary>
/// The lab's taps still in the host's network namespace (a tap moved into a node vanishes with the
/// node; one left here belongs to a run that died between creating it and moving it).
/// Listing reads /sys/class/net: no privileges and no container needed.
/// </summary>
internal static partial class HostTaps
{
    public static IReadOnlyList<(string Name, RunId Run)> List(string sysClassNet = "/sys/class/net")
    {
        if (!Directory.Exists(sysClassNet))
            return [];
        var taps = new List<(string, RunId)>();
        foreach (var path in Directory.EnumerateFileSystemEntries(sysClassNet))
        {
            var name = Path.GetFileName(path);
            var match = TapName().Match(name);
            if (match.Success && RunId.TryParse(match.Groups[1].Value, out var run))
                taps.Add((name, run));
        }
        return taps;
    }

    [GeneratedRegex(LabNames.TapPattern, RegexOptions.CultureInvariant)]
    private static partial Regex TapName();
}
