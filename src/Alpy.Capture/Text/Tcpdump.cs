using System.ComponentModel;
using System.Diagnostics;

namespace Alpy.Capture;

/// <summary>
/// tcpdump's own text for kept frames: they are written to a temporary pcap (<see cref="PcapSlice"/>) and printed by
/// <c>tcpdump -# -n -e -r</c>, the command a reader runs on the attached pcap: frame numbers within the frames given,
/// numeric addresses and ports, link-level headers (MAC addresses, EtherTypes, VLAN tags). Times are in the
/// machine's time zone, as tcpdump prints them.
/// </summary>
internal static class Tcpdump
{
    /// <summary>The options, as a reader would type them.</summary>
    public const string Options = "-# -n -e";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>tcpdump's output for <paramref name="frames"/>: one line per frame, indented continuation lines for some.</summary>
    /// <exception cref="CaptureException">tcpdump is missing, fails, or takes longer than a minute.</exception>
    public static string Print(IReadOnlyList<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        using var slice = new TemporaryPcap(frames);
        return Run(slice.Path);
    }

    private static string Run(string file)
    {
        var start = new ProcessStartInfo("tcpdump")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string option in Options.Split(' '))
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add("-r");
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new CaptureException($"tcpdump could not be started ({e.Message}); it prints the frames of captures. Install it: `apt-get install tcpdump` (scripts/install-prerequisites does).", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill();
                throw new CaptureException($"tcpdump {Options} -r {file} did not finish within {Timeout.TotalSeconds:0} s; it was stopped.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new CaptureException($"tcpdump {Options} -r {file} exited with {process.ExitCode}: {errors.Result.Trim()}");
            }

            return output.Result;
        }
    }
}
