using System.Diagnostics;
using System.Text;

namespace Alpy.Qemu;

/// <summary>
/// A supervised QEMU process: stdout and stderr copied to files as they come (and stderr's last lines kept
/// for messages), a task that completes with the exit code once the process is gone and its stderr drained,
/// SIGKILL on request, on disposal and when the host process exits. With <c>killWithHost</c> the process is
/// started through util-linux's <c>setpriv --pdeathsig KILL</c>, so that even a SIGKILL of the host takes
/// QEMU along.
/// </summary>
internal sealed class QemuProcess : IDisposable
{
    private const int TailCapacity = 50;
    private readonly Process _process;
    private readonly OutputTail _stderrTail = new(TailCapacity);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _pumps;
    private int _disposed;

    private QemuProcess(Process process, string? stdoutPath, string? stderrPath)
    {
        _process = process;
        Pid = process.Id;
        _pumps =
        [
            PumpAsync(process.StandardOutput.BaseStream, stdoutPath, tail: null),
            PumpAsync(process.StandardError.BaseStream, stderrPath, _stderrTail),
        ];
        AppDomain.CurrentDomain.ProcessExit += OnHostExit;
    }

    public int Pid { get; }

    /// <summary>Completes with the exit code (128 + signal number when a signal killed it) once QEMU is gone.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>When the process ended, taken as soon as the kernel said so (before its output is drained).</summary>
    public DateTimeOffset? ExitedAt { get; private set; }

    /// <summary>
    /// Starts <paramref name="binary"/> with <paramref name="arguments"/> (an argv, no shell). The process is
    /// started, and waited for, on a dedicated thread: PR_SET_PDEATHSIG fires when the *thread* that created the
    /// child ends, so that thread must live exactly as long as QEMU.
    /// </summary>
    public static Task<QemuProcess> StartAsync(
        string binary, IReadOnlyList<string> arguments, string? stdoutPath, string? stderrPath, bool killWithHost, string threadName)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var setpriv = killWithHost ? Executable.Find("setpriv") : null;
        if (setpriv is not null)
        {
            start.FileName = setpriv;
            foreach (var argument in new[] { "--pdeathsig", "KILL", "--", binary })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = binary;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource<QemuProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = new Thread(() => Parent(start, stdoutPath, stderrPath, started))
        {
            IsBackground = true,
            Name = threadName,
        };
        parent.Start();
        return started.Task;
    }

    /// <summary>The last <paramref name="lines"/> lines QEMU wrote to stderr.</summary>
    public string StderrTail(int lines = 15) => _stderrTail.Text(lines);

    /// <summary>Sends SIGKILL (no-op when QEMU is already gone). Synchronous, so a signal handler can call it.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        Kill();
        if (!_exited.Task.Wait(TimeSpan.FromSeconds(5)))
        {
            // Unkillable (stuck in the kernel): leave the Process object to the finalizer rather than block.
            return;
        }

        _process.Dispose();
    }

    private static void Parent(ProcessStartInfo start, string? stdoutPath, string? stderrPath, TaskCompletionSource<QemuProcess> started)
    {
        QemuProcess supervised;
        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
            process.StandardInput.Close();
            supervised = new QemuProcess(process, stdoutPath, stderrPath);
        }
        catch (Exception ex)
        {
            started.SetException(ex);
            return;
        }

        started.SetResult(supervised);
        supervised._process.WaitForExit();
        supervised.ExitedAt = DateTimeOffset.Now;
        supervised.OnExited();
    }

    private static async Task PumpAsync(Stream source, string? path, OutputTail? tail)
    {
        await using var file = path is null
            ? null
            : new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[4096];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = await source.ReadAsync(bytes).ConfigureAwait(false)) > 0)
            {
                if (file is not null)
                {
                    await file.WriteAsync(bytes.AsMemory(0, read)).ConfigureAwait(false);
                }

                if (tail is not null)
                {
                    var count = decoder.GetChars(bytes, 0, read, chars, 0);
                    tail.Append(chars.AsSpan(0, count));
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke with the process; what was read is kept.
        }
    }

    private void OnExited()
    {
        // QEMU's last words (why it exited) must be in the tail before anyone reads the exit.
        try
        {
            Task.WaitAll(_pumps, TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // A log file could not be written; the exit itself is what matters here.
        }

        _exited.TrySetResult(_process.ExitCode);
    }

    private void OnHostExit(object? sender, EventArgs e) => Kill();
}
