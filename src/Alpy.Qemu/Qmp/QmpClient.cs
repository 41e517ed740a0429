using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Qemu.Qmp;

/// <summary>
/// A QMP (QEMU Machine Protocol) client: reads the greeting, negotiates capabilities, then runs commands
/// (answers matched by <c>id</c>, errors thrown as <see cref="QmpException"/> with QMP's <c>error.desc</c>) while
/// events arrive in between (<see cref="EventReceived"/>, <see cref="WaitForEventAsync"/>). Every command and
/// wait has a timeout; all fail at once when the connection ends, and when the client belongs to a
/// <see cref="QemuMachine"/>, they say how QEMU died.
/// </summary>
public sealed class QmpClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly JsonLineReader _lines;
    private readonly ILogger _logger;
    private readonly IMachineLifetime? _lifetime;
    private readonly object _sync = new();
    private readonly Dictionary<long, PendingCommand> _pending = [];
    private readonly QmpEventBoard _events;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stopReading = new();
    private readonly TaskCompletionSource<QmpVersion> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readLoop;
    private long _lastId;
    private int _disposed;

    private QmpClient(Stream stream, QmpClientOptions options, ILogger? logger, IMachineLifetime? lifetime)
    {
        options.Validate();
        _stream = stream;
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        _lifetime = lifetime;
        _lines = new JsonLineReader(stream, options.MaxMessageBytes);
        _events = new QmpEventBoard(options.RecentEventCapacity);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Raised on the reader's thread for every event, in order. Handlers must be quick and must not throw.</summary>
    public event EventHandler<QmpEvent>? EventReceived;

    public QmpClientOptions Options { get; }

    /// <summary>QEMU's version, from the greeting.</summary>
    public QmpVersion Version { get; private set; } = new(0, 0, 0, string.Empty);

    /// <summary>Completes when the connection has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>The most recent events, oldest first (at most <see cref="QmpClientOptions.RecentEventCapacity"/>).</summary>
    public IReadOnlyList<QmpEvent> RecentEvents => _events.Recent;

    /// <summary>Connects to QEMU's QMP unix socket (<c>-qmp unix:PATH,server=on,wait=off</c>) and negotiates capabilities.</summary>
    public static async Task<QmpClient> ConnectAsync(
        string socketPath, QmpClientOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var socket = await UnixSocket.ConnectAsync(socketPath, TimeSpan.FromSeconds(5), stopped: null, "QMP", cancellationToken)
            .ConfigureAwait(false);
        return await AttachAsync(new NetworkStream(socket!, ownsSocket: true), options, logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Speaks QMP over a connected stream, which the client owns: reads the greeting, sends <c>qmp_capabilities</c>.</summary>
    public static Task<QmpClient> AttachAsync(
        Stream stream, QmpClientOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return NegotiateAsync(new QmpClient(stream, options ?? new QmpClientOptions(), logger, lifetime: null), cancellationToken);
    }

    internal static Task<QmpClient> AttachAsync(
        Stream stream, QmpClientOptions options, ILogger? logger, IMachineLifetime lifetime, CancellationToken cancellationToken) =>
        NegotiateAsync(new QmpClient(stream, options, logger, lifetime), cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> with optional <paramref name="arguments"/> and returns QMP's <c>return</c>
    /// value. Throws <see cref="QmpException"/> with QEMU's error, <see cref="QmpTimeoutException"/> after
    /// <paramref name="timeout"/> (default <see cref="QmpClientOptions.DefaultTimeout"/>), or at once when QEMU is gone.
    /// </summary>
    public async Task<JsonElement> ExecuteAsync(
        string command, JsonObject? arguments = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var limit = CheckTimeout(timeout);
        var id = Interlocked.Increment(ref _lastId);
        var pending = new PendingCommand(command, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool added;
        lock (_sync)
        {
            added = !_closed.Task.IsCompleted;
            if (added)
            {
                _pending.Add(id, pending);
            }
        }

        if (!added)
        {
            throw await ClosedDuringAsync(command, $"running `{command}`").ConfigureAwait(false);
        }

        try
        {
            await WriteAsync(QmpWire.Command(command, arguments, id), command, cancellationToken).ConfigureAwait(false);
            var answer = await pending.Completion.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            Log.QmpCommandAnswered(_logger, Options.Name, command);
            return answer;
        }
        catch (TimeoutException)
        {
            throw new QmpTimeoutException(
                command,
                limit,
                $"{Options.Name} did not answer `{command}` within {limit.TotalSeconds:0.###} s. QEMU may be stuck " +
                "(a hung accelerator, an overloaded host); its stderr and the console log may say more.");
        }
        finally
        {
            lock (_sync)
            {
                _pending.Remove(id);
            }
        }
    }

    /// <summary>Runs <paramref name="command"/> and deserializes its answer with source-generated JSON metadata.</summary>
    public async Task<T> ExecuteAsync<T>(
        string command, JsonObject? arguments, JsonTypeInfo<T> resultType, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var answer = await ExecuteAsync(command, arguments, timeout, cancellationToken).ConfigureAwait(false);
        return answer.Deserialize(resultType)
            ?? throw new QmpException(command, null, "empty answer", $"{Options.Name} answered `{command}` with null.");
    }

    /// <summary><c>query-status</c>: whether the guest runs, and QEMU's run state.</summary>
    public Task<QmpStatus> QueryStatusAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync("query-status", null, QmpJsonContext.Default.QmpStatus, cancellationToken: cancellationToken);

    /// <summary><c>system_powerdown</c>: presses the ACPI power button. Returns once QEMU accepted; the guest
    /// decides whether and when to power off (a SHUTDOWN event, then QEMU exits if started with <c>-no-shutdown</c> unset).</summary>
    public Task SystemPowerdownAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync("system_powerdown", cancellationToken: cancellationToken);

    /// <summary><c>quit</c>: QEMU exits at once. Returns when QEMU acknowledged, or when the connection ended
    /// first (QEMU can be faster than its answer).</summary>
    public async Task QuitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync("quit", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is QmpClosedException or QemuExitedException)
        {
            // Gone before the answer arrived: that is what quit asked for.
        }
    }

    /// <summary>
    /// Waits for the next event named <paramref name="name"/> (e.g. "SHUTDOWN"). The wait is registered when this
    /// method is called, before it returns, so <c>var shutdown = qmp.WaitForEventAsync("SHUTDOWN"); await
    /// qmp.QuitAsync(); await shutdown;</c> never misses an event caused by the command.
    /// </summary>
    public Task<QmpEvent> WaitForEventAsync(string name, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var limit = CheckTimeout(timeout);
        return _events.Register(name) is { } waiter
            ? AwaitEventAsync(waiter, limit, cancellationToken)
            : ClosedBeforeEventAsync(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopReading.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(false);
        _stopReading.Dispose();
        _writeGate.Dispose();
    }

    private static async Task<QmpClient> NegotiateAsync(QmpClient client, CancellationToken cancellationToken)
    {
        try
        {
            client.Version = await client._greeting.Task.WaitAsync(client.Options.DefaultTimeout, cancellationToken).ConfigureAwait(false);
            await client.ExecuteAsync("qmp_capabilities", cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.QmpConnected(client._logger, client.Options.Name, client.Version);
            return client;
        }
        catch (TimeoutException)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new QmpTimeoutException(
                "(greeting)",
                client.Options.DefaultTimeout,
                $"{client.Options.Name} sent no QMP greeting within {client.Options.DefaultTimeout.TotalSeconds:0.###} s: " +
                "is the socket QEMU's -qmp socket (and not the console or a monitor in readline mode)?");
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private TimeSpan CheckTimeout(TimeSpan? timeout)
    {
        var limit = timeout ?? Options.DefaultTimeout;
        return limit > TimeSpan.Zero
            ? limit
            : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A QMP wait needs a positive timeout.");
    }

    private async Task<QmpEvent> ClosedBeforeEventAsync(string name) =>
        throw await ClosedDuringAsync(name, $"waiting for the {name} event").ConfigureAwait(false);

    private async Task<QmpEvent> AwaitEventAsync(QmpEventBoard.Waiter waiter, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            return await waiter.Completion.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new QmpTimeoutException(
                waiter.Name,
                limit,
                $"{Options.Name} sent no {waiter.Name} event within {limit.TotalSeconds:0.###} s. " +
                "If the guest was asked to power off, does it handle the ACPI power button?");
        }
        finally
        {
            _events.Unregister(waiter);
        }
    }

    private async Task WriteAsync(byte[] message, string command, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The connection ended under the write: reported like any other end, below.
        }
        finally
        {
            _writeGate.Release();
        }

        throw await ClosedDuringAsync(command, $"sending `{command}`").ConfigureAwait(false);
    }

    private async Task ReadLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (await _lines.ReadLineAsync(_stopReading.Token).ConfigureAwait(false) is { } line)
            {
                Dispatch(line);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ends either way; a disposal is not a failure.
        }
        catch (InvalidDataException ex)
        {
            failure = ex;
        }
        finally
        {
            await OnClosedAsync(failure).ConfigureAwait(false);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            Log.QmpUnreadable(_logger, Options.Name, ex.Message);
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                Log.QmpUnreadable(_logger, Options.Name, $"a JSON {message.ValueKind}, not an object");
            }
            else if (message.TryGetProperty("QMP", out var greeting))
            {
                _greeting.TrySetResult(QmpWire.Version(greeting));
            }
            else if (message.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String)
            {
                OnEvent(QmpWire.Event(name.GetString()!, message));
            }
            else if (message.TryGetProperty("id", out var id) && id.TryGetInt64(out var number))
            {
                OnAnswer(number, message);
            }
            else
            {
                Log.QmpUnreadable(_logger, Options.Name, $"a message without id: {message.GetRawText()}");
            }
        }
    }

    private void OnAnswer(long id, JsonElement message)
    {
        PendingCommand? pending;
        lock (_sync)
        {
            _pending.TryGetValue(id, out pending);
        }

        if (pending is null)
        {
            Log.QmpUnreadable(_logger, Options.Name, $"an answer to id {id}, which no command waits for (timed out?)");
        }
        else if (message.TryGetProperty("return", out var answer))
        {
            pending.Completion.TrySetResult(answer.Clone());
        }
        else
        {
            pending.Completion.TrySetException(QmpWire.Error(pending.Command, message));
        }
    }

    private void OnEvent(QmpEvent received)
    {
        _events.Publish(received);
        Log.QmpEventReceived(_logger, Options.Name, received.Name);
        try
        {
            EventReceived?.Invoke(this, received);
        }
        catch (Exception ex)
        {
            // A faulty handler must not stop the reader that every other command depends on.
            Log.QmpEventHandlerFailed(_logger, ex, Options.Name, received.Name);
        }
    }

    private async Task OnClosedAsync(Exception? failure)
    {
        List<PendingCommand> commands;
        lock (_sync)
        {
            _closed.TrySetResult();
            commands = [.. _pending.Values];
        }

        var waiters = _events.Close();

        if (failure is not null)
        {
            Log.QmpUnreadable(_logger, Options.Name, failure.Message);
        }

        _greeting.TrySetException(await ClosedDuringAsync("(greeting)", "waiting for the QMP greeting", failure).ConfigureAwait(false));
        foreach (var command in commands)
        {
            command.Completion.TrySetException(
                await ClosedDuringAsync(command.Command, $"running `{command.Command}`", failure).ConfigureAwait(false));
        }

        foreach (var waiter in waiters)
        {
            waiter.Completion.TrySetException(
                await ClosedDuringAsync(waiter.Name, $"waiting for the {waiter.Name} event", failure).ConfigureAwait(false));
        }
    }

    private async Task<Exception> ClosedDuringAsync(string command, string activity, Exception? failure = null)
    {
        if (_lifetime is not null && _disposed == 0)
        {
            // QEMU's exit and the socket's end race; give the exit a moment so that the message can say why.
            await Task.WhenAny(_lifetime.Stopped, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            if (_lifetime.Stopped.IsCompleted)
            {
                return _lifetime.StoppedDuring($"{activity} over QMP");
            }
        }

        return new QmpClosedException(
            command,
            $"The {Options.Name} connection closed while {activity}" +
            (failure is null ? ": QEMU is gone, or the client was disposed." : $": {failure.Message}"),
            failure);
    }

    private sealed record PendingCommand(string Command, TaskCompletionSource<JsonElement> Completion);
}
