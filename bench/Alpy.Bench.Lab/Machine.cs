using System.Diagnostics;
using System.Globalization;
using Alpy.Docker;

namespace Alpy.Bench.Lab;

/// <summary>Facts of the machine and processes: load, peak memory, a reference command.</summary>
internal static class Machine
{
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>Peak resident memory of the lab's parts: QEMU's and this process's high-water marks, and every container's main process.</summary>
    public static async Task<(long Qemu, long Host, long Containers)> LabPeakBytesAsync(Alpy.Lab.Lab lab)
    {
        var containers = 0L;
        using var docker = DockerClient.FromEnvironment();
        foreach (var container in await docker.Containers.ListAsync(ContainerListOptions.WithLabel(Alpy.Lab.LabLabels.Run, lab.RunId.Value)))
        {
            var state = await docker.Containers.InspectAsync(container.Id);
            if (state.State.Pid > 0)
                containers += HighWaterMark(state.State.Pid);
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
