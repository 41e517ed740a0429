using System.Diagnostics;
using System.Globalization;
using Alpy.Lab.Docker;
using Docker.DotNet.Models;

namespace Alpy.Bench.Lab;

/// <summary>Facts of the machine and processes: load, peak memory, a reference command.</summary>
internal static class Machine
{
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>Peak resident memory of the lab's parts: QEMU's and this process's high-water marks, and every container's main process.</summary>
    public static async Task<(long Qemu, long Host, long Containers)> LabPeakBytesAsync(Alpy.Lab.Lab lab)
    {
        var containers = 0L;
        using var docker = LabDockerClient.Create();
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{Alpy.Lab.LabLabels.Run}={lab.RunId}"] = true },
        };
        foreach (var container in await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }))
        {
            var state = await docker.Containers.InspectContainerAsync(container.ID);
            if (state.State is { Pid: > 0 } running)
                containers += HighWaterMark((int)running.Pid);
        }
        return (HighWaterMark(lab.Dut.Pid), HighWaterMark(Environment.ProcessId), containers);
    }

    public static async Task<int> RunAsync(string program, IReadOnlyList<string> args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>VmHWM (peak resident set) of a process, in bytes; 0 when it is gone.</summary>
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
