using System.Text.RegularExpressions;
using Alpy.Lab.Naming;

namespace Alpy.Lab.Runs;

/// <summary>
/// The lab's taps still in the host's network namespace (a tap moved into a node vanishes with the
/// node; one left here belongs to a run that died between creating it and moving it).
/// Listing reads /sys/class/net: no privileges and no container needed. Each tap's owner is the user its run
/// created it for (<c>ip tuntap add ... user UID</c>), read from its <c>owner</c> file; null when it has none.
/// </summary>
internal static partial class HostTaps
{
    public static IReadOnlyList<(string Name, RunId Run, uint? Owner)> List(string sysClassNet = "/sys/class/net")
    {
        if (!Directory.Exists(sysClassNet))
            return [];
        var taps = new List<(string, RunId, uint?)>();
        foreach (var path in Directory.EnumerateFileSystemEntries(sysClassNet))
        {
            var name = Path.GetFileName(path);
            var match = TapName().Match(name);
            if (match.Success && RunId.TryParse(match.Groups[1].Value, out var run))
                taps.Add((name, run, Owner(path)));
        }
        return taps;
    }

    private static uint? Owner(string tap)
    {
        try
        {
            // "-1" for a tap without an owner; the file is gone when the tap was deleted meanwhile.
            return uint.TryParse(File.ReadAllText(Path.Combine(tap, "owner")).Trim(), out var uid) ? uid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(LabNames.TapPattern, RegexOptions.CultureInvariant)]
    private static partial Regex TapName();
}
