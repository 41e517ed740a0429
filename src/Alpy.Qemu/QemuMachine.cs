using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Alpy.Qemu.Accelerators;
using Alpy.Qemu.Qmp;
using Alpy.Qemu.Serial;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Qemu;

/// <summary>
/// One running QEMU machine: the supervised process, its serial console and its QMP connection. Started by
/// <see cref="StartAsync"/>, which returns once both sockets are connected (the guest is then booting).
/// Every console and QMP wait fails fast, with QEMU's exit code and the tails of its stderr and console, when
/// QEMU dies. <see cref="DisposeAsync"/> quits QEMU over QMP, kills it if it does not go within
/// <see cref="QemuMachineOptions.QuitTimeout"/>, and removes its sockets and pidfile: nothing is left behind.
/// </summary>
public sealed class QemuMachine : IAsyncDisposable, IMachineLifetime
{
    private readonly QemuProcess _process;
    private readonly ILogger _logger;
    private SerialConsole? _console;
    private QmpClient? _qmp;
    private int _disposed;

    private QemuMachine(QemuMachineOptions options, QemuAccelerator accelerator, QemuProcess process, ILogger logger)
    {
        Options = options;
        Accelerator = accelerator;
        _process = process;
        _logger = logger;
        _process.Exited.ContinueWith(
            exited => Log.QemuExited(logger, options.Name, process.Pid, exited.Result),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    public QemuMachineOptions Options { get; }

    /// <summary>The accelerator QEMU runs with (the probe's verdict when the options said Auto).</summary>
    public QemuAccelerator Accelerator { get; }

    public int Pid => _process.Pid;

    /// <summary>The serial console (ttyS0 in the guest).</summary>
    public SerialConsole Console => _console ?? throw new InvalidOperationException("The machine has not finished starting.");

    /// <summary>The QMP connection.</summary>
    public QmpClient Qmp => _qmp ?? throw new InvalidOperationException("The machine has not finished starting.");

    /// <summary>Completes with QEMU's exit code (128 + signal when killed) once QEMU is gone.</summary>
    public Task<int> Exited => _process.Exited;

    public bool HasExited => _process.HasExited;

    /// <summary>When QEMU's process ended (null while it runs).</summary>
    public DateTimeOffset? ExitedAt => _process.ExitedAt;

    Task IMachineLifetime.Stopped => _process.Exited;

    /// <summary>
    /// Starts QEMU for <paramref name="options"/> (validated first; the accelerator probed when Auto), connects
    /// the console, then QMP. If anything fails, QEMU is killed and its sockets removed before the exception
    /// (with QEMU's stderr) propagates.
    /// </summary>
    public static async Task<QemuMachine> StartAsync(
        QemuMachineOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = (ILogger?)loggerFactory?.CreateLogger<QemuMachine>() ?? NullLogger.Instance;
        var started = Stopwatch.GetTimestamp();

        var accelerator = options.Accelerator;
        if (accelerator == QemuAccelerator.Auto)
        {
            var verdict = await AcceleratorProbe.ChooseAsync(
                options.Binary, options.AcceleratorCacheDirectory, logger: logger, cancellationToken: cancellationToken).ConfigureAwait(false);
            accelerator = verdict.Accelerator;
        }

        Directory.CreateDirectory(Path.GetFullPath(options.RunDirectory));
        Directory.CreateDirectory(Path.GetDirectoryName(options.ConsoleSocketPath)!);
        RemoveStaleSocket(options.ConsoleSocketPath);
        RemoveStaleSocket(options.QmpSocketPath);

        var arguments = QemuCommandLine.Build(options, accelerator);
        var binary = options.ResolveBinary()!;
        await File.WriteAllLinesAsync(options.CommandLinePath, [binary, .. arguments], cancellationToken).ConfigureAwait(false);
        Log.QemuStarting(logger, options.Name, options.CommandLinePath);

        QemuProcess process;
        try
        {
            process = await QemuProcess.StartAsync(
                binary, arguments, options.StdoutLogPath, options.StderrLogPath, options.KillWithHost, $"qemu-{options.Name}").ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            throw new QemuException(
                $"QEMU {options.Name}: {binary} could not be started ({ex.Message}). Is it executable by this user? " +
                "Reinstall Debian's qemu-system-x86 if the file is damaged.",
                ex);
        }

        var machine = new QemuMachine(options, accelerator, process, logger);
        try
        {
            await machine.ConnectAsync(loggerFactory, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Log.QemuStarted(logger, options.Name, process.Pid, accelerator, elapsed.TotalMilliseconds);
            return machine;
        }
        catch (Exception ex)
        {
            // QEMU that dies while starting (a bad option, a tap it may not open) often takes a socket down with it
            // first; what the user needs is QEMU's stderr, so the failure is described as QEMU's exit.
            var exitedMeanwhile = ex is not OperationCanceledException
                && await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false) == process.Exited;
            var failure = exitedMeanwhile ? machine.StoppedDuring("starting", ex) : null;
            await machine.DisposeAsync().ConfigureAwait(false);
            if (failure is null)
            {
                throw;
            }

            throw failure;
        }
    }

    /// <summary>The last lines QEMU wrote to stderr.</summary>
    public string StderrTail(int lines = 15) => _process.StderrTail(lines);

    /// <summary>
    /// Asks QEMU to quit over QMP and waits until it is gone; kills it when it does not go within
    /// <paramref name="timeout"/> (default <see cref="QemuMachineOptions.QuitTimeout"/>). Returns the exit code.
    /// </summary>
    public async Task<int> QuitAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? Options.QuitTimeout;
        if (!HasExited && _qmp is not null)
        {
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(limit);
                await _qmp.QuitAsync(deadline.Token).ConfigureAwait(false);
                return await Exited.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is QemuException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // QMP stuck or too slow: fall through to the kill.
            }
        }

        if (!HasExited)
        {
            Log.QemuKilled(_logger, Options.Name, Pid, limit.TotalMilliseconds);
        }

        Kill();
        return await Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Presses the ACPI power button (QMP <c>system_powerdown</c>) and waits until the guest has powered off and
    /// QEMU exited. The button is pressed again every 2 s, as a person would: a guest that starts its ACPI
    /// handler late (Rabbit's acpid starts just after the ready marker, systemd-logind late in a boot) misses
    /// an early press. Throws <see cref="QemuException"/> when the guest ignores the button for
    /// <paramref name="timeout"/> (default 10 s); QEMU then keeps running.
    /// </summary>
    public async Task<int> PowerdownAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            while (true)
            {
                await Qmp.SystemPowerdownAsync(deadline.Token).ConfigureAwait(false);
                var exited = await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(2), deadline.Token)).ConfigureAwait(false);
                if (exited == Exited)
                {
                    return await Exited.ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (HasExited && ex is QemuException or OperationCanceledException)
        {
            // Powered off between a press and its answer.
            return await Exited.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QemuException(
                $"QEMU {Options.Name}: the guest did not power off within {limit.TotalSeconds:0.#} s of pressing the ACPI power button " +
                "(system_powerdown). Does it handle the button (Rabbit runs acpid; other guests need acpid or systemd-logind)?" +
                Evidence.Block("Console (last lines)", Console.Tail()));
        }
    }

    /// <summary>Kills QEMU at once (SIGKILL). Synchronous, so that a signal handler or ProcessExit can call it.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Quits (or kills) QEMU if it still runs, closes the console and QMP, removes sockets and pidfile. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await QuitAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is QemuException or OperationCanceledException or IOException)
        {
            Log.CleanupFailed(_logger, Options.Name, ex.Message);
            Kill();
        }

        if (_qmp is not null)
        {
            await _qmp.DisposeAsync().ConfigureAwait(false);
        }

        if (_console is not null)
        {
            await _console.DisposeAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        foreach (var file in new[] { Options.ConsoleSocketPath, Options.QmpSocketPath, Options.PidFilePath })
        {
            TryDelete(file);
        }
    }

    Exception IMachineLifetime.StoppedDuring(string activity) => StoppedDuring(activity);

    /// <summary>A socket file left by a QEMU that died would be connected to (and refuse) before the new QEMU binds
    /// it; the socket paths belong to this machine, so whatever is there goes.</summary>
    private static void RemoveStaleSocket(string path) => TryDelete(path);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover socket is replaced at the next start.
        }
    }

    private QemuExitedException StoppedDuring(string activity, Exception? innerException = null)
    {
        int? code = HasExited ? Exited.Result : null;
        var consoleTail = _console?.Tail() ?? string.Empty;
        var stderr = StderrTail();
        return new QemuExitedException(
            $"QEMU {Options.Name} (pid {Pid}) {(code is { } c ? QemuExit.Describe(c) : "stopped")} while {activity}. " +
            $"Its stderr below usually says why; all its logs are in {Path.GetFullPath(Options.RunDirectory)}." +
            Evidence.Block("QEMU stderr (last lines)", stderr) +
            Evidence.Block("Console (last lines)", consoleTail),
            code,
            stderr,
            consoleTail,
            innerException);
    }

    private async Task ConnectAsync(ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.StartTimeout);
        var consoleOptions = Options.Console with
        {
            Name = Options.Console.Name == new SerialConsoleOptions().Name ? $"console of QEMU {Options.Name}" : Options.Console.Name,
            RawLogPath = Options.Console.RawLogPath ?? Options.ConsoleRawLogPath,
            TextLogPath = Options.Console.TextLogPath ?? Options.ConsoleTextLogPath,
        };

        // The console first: QEMU waits for it (wait=on) before it creates the QMP socket and runs the guest.
        var console = await ConnectSocketAsync(Options.ConsoleSocketPath, "console", deadline.Token, cancellationToken).ConfigureAwait(false);
        _console = SerialConsole.Attach(new NetworkStream(console, ownsSocket: true), consoleOptions, loggerFactory?.CreateLogger<SerialConsole>(), this);

        var qmp = await ConnectSocketAsync(Options.QmpSocketPath, "QMP", deadline.Token, cancellationToken).ConfigureAwait(false);
        var qmpOptions = new QmpClientOptions { Name = $"QMP of QEMU {Options.Name}" };
        _qmp = await QmpClient.AttachAsync(new NetworkStream(qmp, ownsSocket: true), qmpOptions, loggerFactory?.CreateLogger<QmpClient>(), this, deadline.Token)
            .ConfigureAwait(false);
    }

    private async Task<Socket> ConnectSocketAsync(string path, string what, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await UnixSocket.ConnectAsync(path, Options.StartTimeout, _process.Exited, what, deadline).ConfigureAwait(false)
                ?? throw await StoppedSoonAsync($"starting (before its {what} socket opened)").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (HasExited)
            {
                throw StoppedDuring($"starting (before its {what} socket opened)");
            }

            throw new QemuException(
                $"QEMU {Options.Name} (pid {Pid}) did not open its {what} socket {path} within {Options.StartTimeout.TotalSeconds:0.#} s. " +
                "Is the host overloaded, or is QEMU stuck (a hung accelerator: try Accelerator = Tcg)?" +
                Evidence.Block("QEMU stderr (last lines)", StderrTail()),
                ex);
        }
    }

    /// <summary>QEMU stopped: wait a moment for its exit code and stderr before describing it.</summary>
    private async Task<Exception> StoppedSoonAsync(string activity)
    {
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        return StoppedDuring(activity);
    }
}
