using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Qemu.Serial;

/// <summary>
/// An expect-style serial console: waits for text or a regex with a timeout, runs shell commands and reads
/// back their exit code and output, and logs every byte (raw and escaped). Failures quote the console's last
/// lines. One wait or command runs at a time (callers queue); writes may happen at any time. A console
/// attached to a QEMU machine fails its waits as soon as QEMU exits, with QEMU's exit code and stderr.
/// </summary>
public sealed class SerialConsole : IAsyncDisposable
{
    private static readonly byte[] Interrupt = [0x03];
    private readonly Stream _stream;
    private readonly ILogger _logger;
    private readonly IMachineLifetime? _lifetime;
    private readonly ConsoleTranscript _transcript;
    private readonly ConsoleBuffer _buffer;
    private readonly object _sync = new();
    private readonly SemaphoreSlim _expectGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stopReading = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private TaskCompletionSource _changed = NewSignal();
    private int _disposed;

    private SerialConsole(Stream stream, SerialConsoleOptions options, ILogger? logger, IMachineLifetime? lifetime)
    {
        options.Validate();
        _stream = stream;
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        _lifetime = lifetime;
        _transcript = new ConsoleTranscript(options.RawLogPath, options.TextLogPath, options.TailLines);
        _buffer = new ConsoleBuffer(options.BufferCapacity);
        _reader = Task.Run(ReadLoopAsync);
        _lifetime?.Stopped.ContinueWith(_ => Signal(), TaskScheduler.Default);
    }

    public SerialConsoleOptions Options { get; }

    /// <summary>Completes when the console's connection has ended (the machine stopped or the console was disposed).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Output dropped because no wait consumed it before <see cref="SerialConsoleOptions.BufferCapacity"/> filled up.</summary>
    public long DroppedBytes
    {
        get
        {
            lock (_sync)
            {
                return _buffer.Dropped;
            }
        }
    }

    /// <summary>Attaches to a connected stream (a socket, a pipe); the console owns and disposes it.</summary>
    public static SerialConsole Attach(Stream stream, SerialConsoleOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new SerialConsole(stream, options ?? new SerialConsoleOptions(), logger, lifetime: null);
    }

    /// <summary>Connects to a console served on a unix socket (QEMU's <c>-chardev socket,server=on</c>).</summary>
    public static async Task<SerialConsole> ConnectAsync(
        string socketPath, SerialConsoleOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var socket = await UnixSocket.ConnectAsync(socketPath, TimeSpan.FromSeconds(5), stopped: null, "console", cancellationToken)
            .ConfigureAwait(false);
        return Attach(new NetworkStream(socket!, ownsSocket: true), options, logger);
    }

    internal static SerialConsole Attach(Stream stream, SerialConsoleOptions options, ILogger? logger, IMachineLifetime lifetime) =>
        new(stream, options, logger, lifetime);

    /// <summary>The console's last lines (escaped: control bytes visible), for messages and diagnostics.</summary>
    public string Tail(int? lines = null) => _transcript.Tail(lines);

    /// <summary>
    /// Waits until the console shows <paramref name="pattern"/> after the previous match, consumes the output up
    /// to the match's end and returns it. Throws <see cref="ConsoleTimeoutException"/> after
    /// <paramref name="timeout"/> (default <see cref="SerialConsoleOptions.DefaultTimeout"/>), or at once when
    /// the machine stopped (<see cref="QemuExitedException"/>) or the console closed.
    /// </summary>
    public async Task<ConsoleMatch> WaitForAsync(ConsolePattern pattern, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var limit = CheckTimeout(timeout);
        await _expectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var deadline = Deadline(limit, cancellationToken);
            return await WaitCoreAsync(pattern, activity: null, limit, deadline.Token, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _expectGate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> on the POSIX shell at the console and returns its exit code and output
    /// (see <see cref="ShellCommand"/> for the framing). The command must be one line without control characters.
    /// On timeout the command is interrupted (Ctrl-C) so that the shell is usable again, and
    /// <see cref="ConsoleTimeoutException"/> is thrown. Values from outside must be quoted by the caller.
    /// </summary>
    public async Task<CommandResult> RunAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var framed = ShellCommand.Create(command, Options.MaxLineLength);
        var limit = CheckTimeout(timeout);
        await _expectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = Stopwatch.GetTimestamp();
            using var deadline = Deadline(limit, cancellationToken);
            var activity = $"running `{command}`";
            await WriteCoreAsync(Encoding.UTF8.GetBytes(framed.Line + "\n"), activity, deadline.Token).ConfigureAwait(false);
            try
            {
                await WaitCoreAsync(framed.Begin, activity, limit, deadline.Token, cancellationToken).ConfigureAwait(false);
                var end = await WaitCoreAsync(framed.End, activity, limit, deadline.Token, cancellationToken).ConfigureAwait(false);
                if (Options.Prompt is { } prompt)
                {
                    await WaitCoreAsync(prompt, activity, limit, deadline.Token, cancellationToken).ConfigureAwait(false);
                }

                var result = new CommandResult(command, ShellCommand.ExitCode(end), ShellCommand.Output(end), Stopwatch.GetElapsedTime(started));
                Log.CommandRan(_logger, Options.Name, command, result.ExitCode, result.Duration.TotalMilliseconds);
                return result;
            }
            catch (ConsoleTimeoutException)
            {
                await TryInterruptAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _expectGate.Release();
        }
    }

    /// <summary>Types <paramref name="text"/> as it is (UTF-8).</summary>
    public Task WriteAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteCoreAsync(Encoding.UTF8.GetBytes(text), "writing to it", cancellationToken);
    }

    /// <summary>Types <paramref name="line"/> and a line end ("\n", which a tty and busybox's line editor take as Enter).</summary>
    public Task WriteLineAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        return WriteAsync(line + "\n", cancellationToken);
    }

    /// <summary>Types Ctrl-C, which interrupts the shell's foreground command.</summary>
    public Task SendInterruptAsync(CancellationToken cancellationToken = default) =>
        WriteCoreAsync(Interrupt, "interrupting the shell", cancellationToken);

    /// <summary>Forgets output no wait has consumed yet, so that the next wait only sees what comes after.</summary>
    public void DiscardPending()
    {
        lock (_sync)
        {
            _buffer.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopReading.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _transcript.Dispose();
        _stopReading.Dispose();
        _expectGate.Dispose();
        _writeGate.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static CancellationTokenSource Deadline(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        return deadline;
    }

    private TimeSpan CheckTimeout(TimeSpan? timeout)
    {
        var limit = timeout ?? Options.DefaultTimeout;
        return limit > TimeSpan.Zero
            ? limit
            : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A console wait needs a positive timeout.");
    }

    /// <summary>Waits for <paramref name="pattern"/>; <paramref name="activity"/> (e.g. "running `ls`") names what the wait is
    /// part of in messages, null for a plain wait.</summary>
    private async Task<ConsoleMatch> WaitCoreAsync(
        ConsolePattern pattern, string? activity, TimeSpan limit, CancellationToken deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            bool ended;
            lock (_sync)
            {
                if (_buffer.TryConsume(pattern) is { } match)
                {
                    return match;
                }

                ended = _closed.Task.IsCompleted || _lifetime?.Stopped.IsCompleted == true;
                changed = _changed.Task;
            }

            if (ended)
            {
                // The last output may still be on its way: let the reader drain the connection, then look once more.
                await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
                lock (_sync)
                {
                    if (_buffer.TryConsume(pattern) is { } late)
                    {
                        return late;
                    }
                }

                throw await EndedDuringAsync(activity is null ? $"waiting for {pattern}" : $"{activity} (looking for {pattern})").ConfigureAwait(false);
            }

            try
            {
                await changed.WaitAsync(deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ConsoleTimeoutException(
                    $"The {Options.Name} did not show {pattern} within {limit.TotalSeconds:0.###} s{(activity is null ? string.Empty : $" while {activity}")}. " +
                    "Is the machine still booting, did the command hang, or does the pattern not match what it prints?" +
                    LogHint() + Evidence.Block($"Console (last {Options.TailLines} lines)", Tail()),
                    Tail(),
                    limit);
            }
        }
    }

    /// <summary>The failure for a console that ended (or whose machine stopped) during <paramref name="activity"/>.</summary>
    private async Task<Exception> EndedDuringAsync(string activity)
    {
        // QEMU's exit and the socket's end race; give the exit a moment so that the message can say why.
        if (_lifetime is not null)
        {
            await Task.WhenAny(_lifetime.Stopped, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            if (_lifetime.Stopped.IsCompleted)
            {
                return _lifetime.StoppedDuring(activity);
            }
        }

        return new ConsoleClosedException(
            $"The {Options.Name} closed while {activity}: the machine behind it is gone." +
            LogHint() + Evidence.Block($"Console (last {Options.TailLines} lines)", Tail()),
            Tail());
    }

    private string LogHint() => Options.TextLogPath is null ? string.Empty : $" The whole console is in {Options.TextLogPath}.";

    private async Task WriteCoreAsync(byte[] bytes, string activity, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_closed.Task.IsCompleted)
            {
                await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        catch (IOException)
        {
            // The connection ended under the write; reported below like any other end.
        }
        finally
        {
            _writeGate.Release();
        }

        throw await EndedDuringAsync(activity).ConfigureAwait(false);
    }

    private async Task TryInterruptAsync()
    {
        try
        {
            using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await SendInterruptAsync(shortly.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is QemuException or OperationCanceledException or IOException)
        {
            // Best effort: the timeout being reported matters more.
        }
    }

    private async Task ReadLoopAsync()
    {
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(chunk, _stopReading.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                lock (_sync)
                {
                    _transcript.Append(chunk.AsSpan(0, read));
                    _buffer.Append(chunk.AsSpan(0, read));
                }

                Signal();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The console ends either way; a disposal is not a failure, and an I/O error is an end as well.
        }
        finally
        {
            _closed.TrySetResult();
            Signal();
        }
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }
}
