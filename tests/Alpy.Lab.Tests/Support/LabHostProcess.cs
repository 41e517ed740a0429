using System.Diagnostics;
using Alpy.Lab.Runs;

namespace Alpy.Lab.Tests.Support;

/// <summary>A lab hosted by another process (tests/Alpy.Lab.TestHost), so that a test can kill it like a crash would.</summary>
internal sealed class LabHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private LabHostProcess(Process process, RunId run, int qemuPid)
    {
        _process = process;
        Run = run;
        QemuPid = qemuPid;
    }

    public RunId Run { get; }

    public int QemuPid { get; }

    public int Pid => _process.Id;

    /// <summary>The test host's program, built beside the tests.</summary>
    public static string Program
    {
        get
        {
            var relative = Path.GetRelativePath(Path.Combine(TestPaths.Repository, "tests", "Alpy.Lab.Tests"), AppContext.BaseDirectory);
            return Path.Combine(TestPaths.Repository, "tests", "Alpy.Lab.TestHost", relative, "Alpy.Lab.TestHost.dll");
        }
    }

    /// <summary>
    /// Runs one reap (`alpy lab reap`'s work) in the test host with <paramref name="environment"/> added, as user nobody when
    /// <paramref name="asNobody"/> (setpriv drops root and its capabilities), and returns how it ended.
    /// </summary>
    public static Task<HostCommand.Result> ReapAsync(IReadOnlyDictionary<string, string> environment, bool asNobody = false) =>
        RunAsync(["reap"], environment, asNobody);

    /// <summary>Runs the lab's /dev/net/tun check on <paramref name="device"/> in the test host as user nobody.</summary>
    public static Task<HostCommand.Result> CheckTunAsNobodyAsync(string device, IReadOnlyDictionary<string, string> environment) =>
        RunAsync(["tun", device], environment, asNobody: true);

    private static Task<HostCommand.Result> RunAsync(string[] command, IReadOnlyDictionary<string, string> environment, bool asNobody)
    {
        string[] argv = asNobody
            ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "dotnet", Program, .. command]
            : ["dotnet", Program, .. command];
        return HostCommand.RunAsync(argv[0], argv[1..], TimeSpan.FromSeconds(60), environment);
    }

    public static async Task<LabHostProcess> StartAsync(int links)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet", [Program, links.ToString(System.Globalization.CultureInfo.InvariantCulture), TestPaths.Artifacts])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException("The lab host did not report its lab within 3 minutes.");
        }
        var words = line?.Split(' ') ?? [];
        if (words is not ["up", _, _])
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            throw new InvalidOperationException($"The lab host failed: «{line}» {await stderr}");
        }
        return new LabHostProcess(process, RunId.Parse(words[1]), int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task SignalAsync(string signal)
    {
        (await HostCommand.RunAsync("kill", "-s", signal, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture))).EnsureSuccess("kill");
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }
}
