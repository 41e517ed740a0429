using System.Globalization;

namespace Alpy.Bench.Capture;

/// <summary>Peak resident memory from Linux: this process's (resettable between runs) and another process's (sampled).</summary>
internal static class ProcessMemory
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
    public static long Peak() => Status("/proc/self/status", "VmHWM:");

    /// <summary>This process's resident set now, in bytes.</summary>
    public static long Current() => Status("/proc/self/status", "VmRSS:");

    private static long Status(string file, string field)
    {
        string line = File.ReadLines(file).First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Another process's peak resident set in bytes; 0 once it has gone.</summary>
    public static long PeakOf(int pid)
    {
        try
        {
            return Status($"/proc/{pid}/status", "VmHWM:");
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
