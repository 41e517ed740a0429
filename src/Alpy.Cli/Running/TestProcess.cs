using System.Diagnostics;

namespace Alpy.Cli.Running;

/// <summary>
/// `dotnet test` of the suite as a child process: argv, never a shell string; its output goes to a log
/// file and, line by line, to an observer (the console shows progress instead); cancelling kills its whole
/// process tree, so an interrupted run leaves no test host behind.
/// </summary>
internal sealed class TestProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();

    private readonly Action<string>? _observer;

    private TestProcess(Process process, StreamWriter log, Action<string>? observer)
    {
        _process = process;
        _log = log;
        _observer = observer;
    }

    public bool HasExited => _process.HasExited;

    public static TestProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath, Action<string>? observer = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var test = new TestProcess(process, log, observer);
        process.OutputDataReceived += (_, e) => test.Record(e.Data);
        process.ErrorDataReceived += (_, e) => test.Record(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            test.Dispose();
            throw new InvalidOperationException($"Cannot start 'dotnet' ({e.Message}): is the .NET SDK installed and on PATH? scripts/install-prerequisites says how.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return test;
    }

    /// <summary>The last lines it printed, for error messages.</summary>
    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_tail)
            {
                return [.. _tail];
            }
        }
    }

    public async Task<int> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _log.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 20)
            {
                _tail.Dequeue();
            }

            _observer?.Invoke(line);
        }
    }
}
