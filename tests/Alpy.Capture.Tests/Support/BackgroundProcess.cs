using System.Diagnostics;
using System.Text;

namespace Alpy.Capture.Tests;

/// <summary>
/// A helper process that runs while the test acts (tcpdump -w, a socat listener). Stopped with a signal so
/// that it can flush; killed if it does not stop in time, and always killed on dispose.
/// </summary>
internal sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _error = new();
    private readonly Lock _lock = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    private BackgroundProcess(IReadOnlyList<string> arguments)
    {
        Arguments = arguments;
        _process = ProcessRunner.Start(arguments);
        _process.ErrorDataReceived += (_, line) => OnError(line.Data);
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public IReadOnlyList<string> Arguments { get; }

    public string StandardError
    {
        get
        {
            lock (_lock)
            {
                return _error.ToString();
            }
        }
    }

    public static BackgroundProcess Start(IReadOnlyList<string> arguments) => new(arguments);

    /// <summary>Waits until the process writes <paramref name="text"/> to stderr (tcpdump's "listening on").</summary>
    public async Task WaitForErrorOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_error.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _waiters.Add((text, seen));
        }

        Task exited = _process.WaitForExitAsync(cancellationToken);
        Task first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout, cancellationToken));
        if (first != seen.Task)
        {
            string why = first == exited ? $"exited with {_process.ExitCode}" : $"did not within {timeout}";
            throw new InvalidOperationException($"`{string.Join(' ', Arguments)}` was expected to print \"{text}\" but {why}. stderr: {StandardError.Trim()}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> and waits for the exit; kills the process if it does not exit within <paramref name="timeout"/>.</summary>
    public async Task<int> StopAsync(int signal, TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, signal);
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _error.AppendLine(line);
            foreach ((string text, TaskCompletionSource seen) in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                seen.TrySetResult();
                _waiters.Remove((text, seen));
            }
        }
    }
}
