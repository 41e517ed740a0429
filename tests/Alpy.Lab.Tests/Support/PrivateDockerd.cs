using System.Diagnostics;
using Alpy.Lab.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Support;

/// <summary>
/// A Docker daemon of the test's own, to be killed and restarted: the machine's daemon (/var/run/docker.sock) is shared and
/// is never stopped by a test. Its socket, data, exec root (with its own containerd) and log live in one temp folder; no
/// bridge, no iptables (lab containers use network none, host and container:ID only). Disposal stops it and removes the folder.
/// It dies with the test process (setpriv --pdeathsig KILL), and the next test run that starts one empties and removes the
/// folders of dead ones, so a killed test run leaves no daemon, container or folder behind for long.
/// </summary>
internal sealed class PrivateDockerd : IAsyncDisposable
{
    private const string FolderPrefix = "alpy-dockerd-";

    /// <summary>Holds the pid of the test process that made the folder.</summary>
    private const string OwnerFile = "owner.pid";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Lock _logLock = new();

    private Process? _process;
    private StreamWriter? _log;

    private PrivateDockerd(string folder)
    {
        Folder = folder;
        Endpoint = new Uri("unix://" + Path.Combine(folder, "docker.sock"));
    }

    public string Folder { get; }

    public Uri Endpoint { get; }

    /// <summary>Starts a daemon, after emptying and removing those a killed test run left.</summary>
    public static async Task<PrivateDockerd> StartAsync()
    {
        await ReapStaleAsync();
        var daemon = new PrivateDockerd(Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(daemon.Folder);
        await File.WriteAllTextAsync(Path.Combine(daemon.Folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await daemon.RestartAsync();
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    public DockerClient Client() => LabDockerClient.Create(Endpoint);

    /// <summary>SIGKILL, as a crash or the OOM killer would: the daemon cleans nothing up; its socket file stays.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
            throw new InvalidOperationException("The private dockerd is not running.");
        process.Kill();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Starts the daemon on the same data (again, after a kill) and waits until it answers. After a kill its new containerd
    /// first cleans up the dead containers' shims, which on a loaded machine can outlast dockerd's 15 s wait for containerd
    /// ("timeout waiting for containerd to start"): each attempt gets further, so the start is tried up to three times.
    /// </summary>
    public async Task RestartAsync()
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var process = Launch();
            using var docker = Client();
            while (true)
            {
                try
                {
                    await docker.CallAsync(token => docker.System.PingAsync(token), TestContext.Current.CancellationToken, TimeSpan.FromSeconds(5));
                    return;
                }
                catch (DockerUnavailableException) when (deadline.Elapsed < StartTimeout && !process.HasExited)
                {
                    await Task.Delay(200, TestContext.Current.CancellationToken);
                }
                catch (DockerUnavailableException) when (process.HasExited && attempt < 3 && deadline.Elapsed < StartTimeout)
                {
                    break;
                }
                catch (DockerUnavailableException e)
                {
                    throw new InvalidOperationException(
                        $"The private dockerd did not answer within {deadline.Elapsed.TotalSeconds:0} s ({attempt} attempts). Its log:\n{LogText()}", e);
                }
            }
        }
    }

    /// <summary>
    /// Stops the daemon and removes its folder. A daemon a failed test left killed is started again first, so that it stops
    /// (and removes) the containers it still knows of, rather than leaving them to no one.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: true })
                await RestartAsync();
            using var docker = Client();
            foreach (var container in await docker.Containers.ListContainersAsync(new() { All = true }, CancellationToken.None))
                await ContainerRun.RemoveAsync(docker, container.ID);
        }
        catch (Exception e) when (e is LabException or InvalidOperationException or DockerApiException)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"The private dockerd in {Folder} could not be emptied: {e.Message}");
        }
        if (_process is { HasExited: false } process)
        {
            // SIGTERM: dockerd stops what still runs and its containerd, and unmounts its layers.
            await HostCommand.RunAsync("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        _process?.Dispose();
        if (_log is not null)
            await _log.DisposeAsync();
        // dockerd leaves its network namespace bind-mounted (exec/netns/default), and a killed one its layers too.
        foreach (var mount in MountsUnder(Folder).OrderByDescending(m => m.Length))
            await HostCommand.RunAsync("umount", "--lazy", mount);
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Mount points at or below <paramref name="folder"/> (the fifth field of /proc/self/mountinfo; spaces are octal-escaped there).</summary>
    private static List<string> MountsUnder(string folder) =>
        File.ReadLines("/proc/self/mountinfo").Select(line => line.Split(' ')[4].Replace("\\040", " ", StringComparison.Ordinal))
            .Where(mount => mount == folder || mount.StartsWith(folder + "/", StringComparison.Ordinal)).Distinct().ToList();

    private Process Launch()
    {
        _process?.Dispose();
        _log ??= File.AppendText(Path.Combine(Folder, "dockerd.log"));
        _process = Process.Start(new ProcessStartInfo("setpriv",
        [
            "--pdeathsig", "KILL", "--", "dockerd", "--host", Endpoint.ToString(), "--data-root", Path.Combine(Folder, "data"),
            "--exec-root", Path.Combine(Folder, "exec"), "--pidfile", Path.Combine(Folder, "docker.pid"), "--bridge", "none",
            "--iptables=false", "--ip-masq=false", "--log-level", "warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        return _process;
    }

    /// <summary>Empties and removes the folders of private daemons whose process is gone (their test process was killed).</summary>
    private static async Task ReapStaleAsync()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (IsAlive(Path.Combine(folder, OwnerFile)) || IsAlive(Path.Combine(folder, "docker.pid")))
                continue; // another test process's, or its daemon still runs
            var stale = new PrivateDockerd(folder);
            try
            {
                await stale.RestartAsync();
            }
            catch (InvalidOperationException e)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"A stale private dockerd in {folder} did not start again: {e.Message}");
            }
            await stale.DisposeAsync();
        }
    }

    private static bool IsAlive(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Directory.Exists($"/proc/{pid}");

    private string LogText()
    {
        lock (_logLock)
            _log?.Flush();
        return File.ReadAllText(Path.Combine(Folder, "dockerd.log"));
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_logLock)
        {
            _log?.WriteLine(line);
            _log?.Flush();
        }
    }
}
