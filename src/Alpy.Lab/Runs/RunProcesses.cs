using System.Diagnostics;
using System.Text;

namespace Alpy.Lab.Runs;

/// <summary>
/// Host processes of a run (QEMU), found by the run's registry folder on their command line: every
/// socket, pidfile and log path a run gives QEMU lies there, so the match cannot hit another run's
/// or anybody else's process.
/// </summary>
internal static class RunProcesses
{
    public static IReadOnlyList<int> Find(string runDirectory)
    {
        var marker = Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(runDirectory) + "/");
        var found = new List<int>();
        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == self)
                continue;
            byte[] cmdline;
            try
            {
                cmdline = File.ReadAllBytes(Path.Combine(dir, "cmdline"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // Exited meanwhile, or not ours to read.
            }
            if (cmdline.AsSpan().IndexOf(marker) >= 0)
                found.Add(pid);
        }
        return found;
    }

    /// <summary>SIGKILLs the processes and waits (briefly) until they are gone.</summary>
    public static async Task KillAsync(IEnumerable<int> pids, CancellationToken cancellationToken)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between the lookup and the kill.
            }
        }
    }
}
