using Alpy.Lab.Runs;

namespace Alpy.Lab.Tests.Support;

/// <summary>What "nothing left behind" means for a run, checked against the real machine.</summary>
internal static class NoTrash
{
    public static async Task AssertAsync(RunId run, int? qemuPid = null)
    {
        using var docker = LabDocker.Client();
        (await LabDocker.ContainersOfRunAsync(docker, run.Value)).Select(LabDocker.NameOf)
            .Should().BeEmpty($"no container of run {run} may remain");
        LabDocker.HostTapsOfRun(run.Value).Should().BeEmpty($"no tap of run {run} may remain");
        Directory.Exists(Path.Combine(new RunRegistry().Root, run.Value)).Should().BeFalse("the run's registry folder (temp files) is removed");
        RunProcessesOf(run).Should().BeEmpty($"no process of run {run} may remain");
        if (qemuPid is { } pid)
            IsAlive(pid).Should().BeFalse($"QEMU (pid {pid}) must be gone");
    }

    /// <summary>Processes whose command line names the run (QEMU's -name alpy-RUN, its sockets).</summary>
    public static IReadOnlyList<int> RunProcessesOf(RunId run) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var p) ? p : 0, Dir: d))
            .Where(p => p.Pid > 0 && p.Pid != Environment.ProcessId && CommandLine(p.Dir).Contains("alpy-" + run.Value, StringComparison.Ordinal))
            .Select(p => p.Pid)];

    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/cmdline") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static string CommandLine(string dir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
