using System.Diagnostics;

namespace Alpy.Bench.Capture;

/// <summary>The reference: tcpdump on the same file, timed from start to exit.</summary>
internal static class TcpdumpRuns
{
    /// <summary><c>tcpdump -n -r FILE &gt; /dev/null</c>: the redirection needs a shell; the path is passed as a parameter, never spliced into the script.</summary>
    public static string[] Text(string path) => ["sh", "-c", "exec tcpdump -n -r \"$1\" > /dev/null", "tcpdump-text", path];

    /// <summary><c>tcpdump -r FILE -w /dev/null EXPR</c>.</summary>
    public static string[] Filter(string path, string expression) => ["tcpdump", "-r", path, "-w", "/dev/null", expression];

    /// <summary>Runs a command to its end; returns how long it took.</summary>
    public static TimeSpan Time(string[] arguments)
    {
        var stopwatch = Stopwatch.StartNew();
        using Process process = Start(arguments, redirect: false);
        process.WaitForExit();
        stopwatch.Stop();
        Check(process, arguments);
        return stopwatch.Elapsed;
    }

    /// <summary>Runs a command to its end, sampling its peak resident memory (VmHWM) until it exits (an untimed run).</summary>
    public static long PeakResident(string[] arguments)
    {
        using Process process = Start(arguments, redirect: false);
        long peak = 0;
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, ProcessMemory.PeakOf(process.Id));
        }

        Check(process, arguments);
        return peak;
    }

    /// <summary>Frames tcpdump selects with the expression (for the sanity check that both sides agree).</summary>
    public static long Count(string path, string expression)
    {
        using Process process = Start(["tcpdump", "-n", "-r", path, expression], redirect: true);
        long lines = 0;
        while (process.StandardOutput.ReadLine() is not null)
        {
            lines++;
        }

        process.WaitForExit();
        return lines;
    }

    public static string Version()
    {
        using Process process = Start(["tcpdump", "--version"], redirect: true);
        string first = process.StandardOutput.ReadLine() ?? "tcpdump";
        process.WaitForExit();
        return first;
    }

    private static void Check(Process process, string[] arguments)
    {
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', arguments)}` exited with {process.ExitCode}.");
        }
    }

    private static Process Start(string[] arguments, bool redirect)
    {
        var start = new ProcessStartInfo(arguments[0]) { RedirectStandardOutput = redirect, RedirectStandardError = true, UseShellExecute = false };
        // UTC, as the library prints: tcpdump then need not consult the local zone for every line.
        start.Environment["TZ"] = "UTC";
        foreach (string argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {arguments[0]}; is it installed?");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }
}
