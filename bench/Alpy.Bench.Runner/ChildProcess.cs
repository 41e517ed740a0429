using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Alpy.Bench.Runner;

/// <summary>
/// Runs a program to its end and measures it: wall time, and the CPU time it and its own children used (the kernel's
/// rusage of waited-for children, read before and after; the benchmark runs one child at a time).
/// </summary>
internal static partial class ChildProcess
{
    public static async Task<Measured> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, string log, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not end within {timeout}; its output is in {log}.");
        }
        finally
        {
            await File.WriteAllTextAsync(log, await output.ConfigureAwait(false) + await errors.ConfigureAwait(false)).ConfigureAwait(false);
        }

        var wall = clock.Elapsed;
        return new Measured(wall, ChildrenCpu() - cpuBefore, process.ExitCode);
    }

    /// <summary>User and system CPU time of every child this process has waited for.</summary>
    private static TimeSpan ChildrenCpu()
    {
        if (GetRusage(-1 /* RUSAGE_CHILDREN */, out var usage) != 0)
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()}).");
        return TimeSpan.FromTicks((usage.UserSeconds + usage.SystemSeconds) * TimeSpan.TicksPerSecond
                                  + ((usage.UserMicroseconds + usage.SystemMicroseconds) * TimeSpan.TicksPerMillisecond / 1000));
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out RUsage usage);

    /// <summary>The start of Linux's struct rusage on 64-bit: ru_utime and ru_stime, then 14 longs the benchmark does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public fixed long Rest[14];
    }
}

/// <summary>One measured run: wall time, CPU time, exit code.</summary>
internal readonly record struct Measured(TimeSpan Wall, TimeSpan Cpu, int ExitCode);
