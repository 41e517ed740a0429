using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Snapshots;

/// <summary>
/// Saves a running machine's whole state (memory, CPU, devices) to a file and loads it into a machine started
/// with <see cref="QemuMachineOptions.AwaitSavedState"/>, by QMP migration to and from <c>exec:cat</c> (QEMU 7.2
/// has no <c>file:</c> URI). Netdev backends, chardev sockets and filter-dump files are not part of the state, so
/// a restored machine uses the new run's taps and captures; everything else must match the saved machine.
/// </summary>
public static class MachineState
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Pauses the guest, writes its state to <paramref name="file"/> and lets the guest run again (also when the
    /// save failed). The caller makes the file appear atomically (write a temp name, then rename).
    /// </summary>
    /// <exception cref="QemuException">The migration failed or did not finish within <paramref name="timeout"/>.</exception>
    public static async Task SaveAsync(QemuMachine machine, string file, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var uri = "exec:cat > " + ShellPath(file);
        using var deadline = Deadline(timeout, cancellationToken);
        var qmp = machine.Qmp;
        await qmp.ExecuteAsync("stop", cancellationToken: deadline.Token).ConfigureAwait(false);
        try
        {
            // QEMU's default cap (128 MiB/s) is for networks; a local file takes what the disk gives.
            await qmp.ExecuteAsync("migrate-set-parameters", new JsonObject { ["max-bandwidth"] = long.MaxValue / 2 }, cancellationToken: deadline.Token)
                .ConfigureAwait(false);
            await qmp.ExecuteAsync("migrate", new JsonObject { ["uri"] = uri }, cancellationToken: deadline.Token).ConfigureAwait(false);
            await WaitForMigrationAsync(machine, "saving its state to " + file, timeout, deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            if (!machine.HasExited)
            {
                await qmp.ExecuteAsync("cont", cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Loads <paramref name="file"/> into <paramref name="machine"/> (started with
    /// <see cref="QemuMachineOptions.AwaitSavedState"/>) and lets the guest run. QEMU 7.2 exits when a load fails
    /// (a corrupt or foreign file); that surfaces here as a <see cref="QemuException"/> with its stderr.
    /// </summary>
    /// <exception cref="QemuException">The load failed, QEMU exited, or it did not finish within <paramref name="timeout"/>.</exception>
    public static async Task RestoreAsync(QemuMachine machine, string file, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!machine.Options.AwaitSavedState)
        {
            throw new InvalidOperationException($"QEMU {machine.Options.Name} was not started with AwaitSavedState; it cannot load a saved state.");
        }

        using var deadline = Deadline(timeout, cancellationToken);
        var qmp = machine.Qmp;
        await qmp.ExecuteAsync("migrate-incoming", new JsonObject { ["uri"] = "exec:cat " + ShellPath(file) }, cancellationToken: deadline.Token)
            .ConfigureAwait(false);
        await WaitForMigrationAsync(machine, "loading its state from " + file, timeout, deadline.Token).ConfigureAwait(false);
        var status = await qmp.QueryStatusAsync(deadline.Token).ConfigureAwait(false);
        if (!status.Running)
        {
            await qmp.ExecuteAsync("cont", cancellationToken: deadline.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The path as one single-quoted shell word: QEMU hands exec: URIs to /bin/sh -c.</summary>
    private static string ShellPath(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        if (!Path.IsPathFullyQualified(file) || file.Any(char.IsControl))
        {
            throw new ArgumentException($"A machine state file must be an absolute path without control characters: '{file}'.", nameof(file));
        }

        return ShellCommand.Quote(file);
    }

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        return deadline;
    }

    private static async Task WaitForMigrationAsync(QemuMachine machine, string activity, TimeSpan timeout, CancellationToken deadline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                var info = await machine.Qmp.ExecuteAsync("query-migrate", cancellationToken: deadline).ConfigureAwait(false);
                var status = info.TryGetProperty("status", out var s) ? s.GetString() : null;
                switch (status)
                {
                    case "completed":
                        return;
                    case "failed" or "cancelled":
                        var why = info.TryGetProperty("error-desc", out var e) ? e.GetString() : "no reason given";
                        throw new QemuException(
                            $"QEMU {machine.Options.Name}: {activity} {status}: {why}." + Evidence.Block("QEMU stderr (last lines)", machine.StderrTail()));
                }

                await Task.Delay(PollInterval, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (Stopwatch.GetElapsedTime(started) >= timeout && !machine.HasExited)
        {
            throw new QemuException(
                $"QEMU {machine.Options.Name}: {activity} did not finish within {timeout.TotalSeconds:0.#} s. Is the host overloaded or the disk full?");
        }
        catch (JsonException e)
        {
            throw new QemuException($"QEMU {machine.Options.Name}: {activity}: unreadable query-migrate answer ({e.Message}).", e);
        }
    }
}
