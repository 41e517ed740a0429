using System.Globalization;
using System.Runtime.InteropServices;

namespace Alpy.Bench.Capture;

/// <summary>Peak resident memory from Linux: this process's (resettable between runs) and that of waited-for children.</summary>
internal static partial class ProcessMemory
{
    /// <summary>Resets this process's peak resident set (VmHWM) to its current size, where the kernel allows it.</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without the reset the figure is the peak since the process started: still an upper bound.
        }
    }

    /// <summary>This process's peak resident set since the last reset, in bytes.</summary>
    public static long Peak()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The largest peak resident set of any child waited for so far, in bytes (getrusage RUSAGE_CHILDREN).</summary>
    public static unsafe long ChildrenPeak()
    {
        ResourceUsage usage;
        return GetResourceUsage(-1, &usage) == 0 ? usage.MaximumResidentKilobytes * 1024 : 0;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static unsafe partial int GetResourceUsage(int who, ResourceUsage* usage);

    /// <summary>struct rusage on 64-bit Linux: two struct timevals, then ru_maxrss and thirteen more longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaximumResidentKilobytes;
        public long Rest0, Rest1, Rest2, Rest3, Rest4, Rest5, Rest6, Rest7, Rest8, Rest9, Rest10, Rest11, Rest12;
    }
}
