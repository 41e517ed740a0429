using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Alpy.Bench.Runner;

/// <summary>
/// The process's CPU time (all threads). On Linux from getrusage, which the kernel keeps to the
/// microsecond; <see cref="Process.TotalProcessorTime"/> reads /proc in 10 ms ticks, too coarse
/// for the difference of two runs that is spread over 10,000 steps (±1.4 µs per step per pair).
/// </summary>
internal static class ProcessCpu
{
    private const int RusageSelf = 0;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && GetRusage(RusageSelf, out var usage) == 0)
        {
            return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    // DllImport rather than LibraryImport: the struct is blittable, and LibraryImport needs unsafe code enabled.
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux (144 bytes): two timevals, then 14 longs this benchmark does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
