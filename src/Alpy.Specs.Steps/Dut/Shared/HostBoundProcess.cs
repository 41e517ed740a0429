using System.Diagnostics;

namespace Alpy.Specs.Steps.Dut.Sharing;

/// <summary>
/// A helper process that must not outlive this one: started through util-linux's <c>setpriv --pdeathsig KILL</c>
/// from a dedicated thread that waits for it. The parent-death signal fires when the thread that forked the child
/// ends, so that thread lives exactly as long as the child (a thread-pool thread could retire and kill it early).
/// </summary>
internal sealed class HostBoundProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<string> _stderr;

    private HostBoundProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
    }

    /// <summary>Completes with the exit code.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>What it wrote to stderr, once it has exited.</summary>
    public Task<string> Stderr => _stderr;

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/> (argv, no shell).</summary>
    public static Task<HostBoundProcess> StartAsync(string binary, IReadOnlyList<string> arguments, string threadName)
    {
        var start = new ProcessStartInfo("setpriv")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--pdeathsig", "KILL", "--", binary }.Concat(arguments))
            start.ArgumentList.Add(argument);
        var started = new TaskCompletionSource<HostBoundProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = new Thread(() =>
        {
            HostBoundProcess bound;
            try
            {
                var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
                process.StandardInput.Close();
                bound = new HostBoundProcess(process);
            }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }

            started.SetResult(bound);
            bound._process.WaitForExit();
            bound._exited.TrySetResult(bound._process.ExitCode);
        })
        {
            IsBackground = true,
            Name = threadName,
        };
        parent.Start();
        return started.Task;
    }

    /// <summary>Kills it (if running) and waits up to 5 s for the exit.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        if (_exited.Task.Wait(TimeSpan.FromSeconds(5)))
            _process.Dispose();
    }
}
