using Alpy.Lab.Artifacts;
using Alpy.Qemu;
using Alpy.Qemu.Accelerators;
using Alpy.Qemu.Snapshots;
using Microsoft.Extensions.Logging;

namespace Alpy.Lab.Dut;

/// <summary>
/// Brings the DUT's QEMU up, from a saved state when one matches its key (a restore costs a fraction of a boot
/// under TCG), else by a cold boot after which the state is saved for the next lab. A restore that fails in any
/// way is logged, its state deleted, and the DUT booted cold: a lab is never worse off for its snapshots.
/// Owns the current QEMU (a failed restore replaces it) until disposed.
/// </summary>
internal sealed class DutLauncher(
    LabOptions options, QemuMachineOptions machineOptions, IReadOnlyList<string> captures, PhaseClock clock, ILoggerFactory loggerFactory)
    : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<Lab>();
    private readonly SnapshotStore? _store = options.UsesSnapshots ? new SnapshotStore(options.SnapshotDirectory) : null;
    private QemuMachineOptions _machineOptions = machineOptions;
    private QemuMachine? _machine;
    private string? _key;
    private string? _snapshot;

    /// <summary>Starts QEMU: waiting for the matching saved state when there is one, else booting.</summary>
    /// <exception cref="LabException">QEMU could not start.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
            _key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        _snapshot = _key is null ? null : _store!.Find(_key);
        _machine = await StartMachineAsync(_machineOptions with { AwaitSavedState = _snapshot is not null }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the started DUT to its prompt (restore, or boot and save) and returns it.</summary>
    /// <exception cref="LabException">The DUT did not boot (a failed restore alone is not an error).</exception>
    public async Task<LabDut> ReadyAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } snapshot)
        {
            var restored = await clock.TimeAsync("restore DUT", () => TryRestoreAsync(snapshot, cancellationToken)).ConfigureAwait(false);
            if (restored is not null)
                return restored;
            _machine = await clock.TimeAsync("start QEMU again", () => StartMachineAsync(_machineOptions, cancellationToken)).ConfigureAwait(false);
        }

        var dut = NewDut(restored: false);
        await clock.TimeAsync("boot DUT", () => dut.WaitReadyAsync(options.Timeouts.Boot, cancellationToken)).ConfigureAwait(false);
        if (_key is { } key)
            await clock.TimeAsync("save DUT state", () => SaveAsync(key, cancellationToken)).ConfigureAwait(false);
        return dut;
    }

    public ValueTask DisposeAsync() => _machine?.DisposeAsync() ?? ValueTask.CompletedTask;

    private LabDut NewDut(bool restored) => new(_machine!, options.Dut, captures, options.Timeouts.Command, restored);

    /// <summary>The saved-state key of this DUT, or null (no snapshots) when QEMU's version cannot be learnt.</summary>
    private async Task<string?> KeyAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The key needs the accelerator before QEMU runs; the probe's verdict is cached, and passing it on spares QEMU a second probe.
            if (_machineOptions.Accelerator == QemuAccelerator.Auto)
            {
                var verdict = await AcceleratorProbe.ChooseAsync(_machineOptions.Binary, _machineOptions.AcceleratorCacheDirectory, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                _machineOptions = _machineOptions with { Accelerator = verdict.Accelerator };
            }

            var version = await QemuVersion.OfAsync(_machineOptions.Binary, cancellationToken).ConfigureAwait(false);
            return MachineStateKey.Compute(_machineOptions, _machineOptions.Accelerator, version, options.Dut.ContentKey());
        }
        catch (QemuException e)
        {
            Log.SnapshotsOff(_logger, options.Dut.Name, e.Message);
            return null;
        }
    }

    /// <summary>Loads the saved state and proves the DUT alive; null (state deleted, QEMU gone) when either fails.</summary>
    private async Task<LabDut?> TryRestoreAsync(string snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await clock.TimeAsync("load DUT state", () => MachineState.RestoreAsync(_machine!, snapshot, options.Timeouts.Snapshot, cancellationToken))
                .ConfigureAwait(false);
            var dut = NewDut(restored: true);
            await clock.TimeAsync("confirm DUT alive", () => dut.ConfirmRestoredAsync(options.Timeouts.Snapshot, cancellationToken)).ConfigureAwait(false);
            SnapshotStore.Touch(snapshot);
            Log.DutRestored(_logger, options.Dut.Name, snapshot);
            return dut;
        }
        catch (Exception e) when (e is QemuException or LabException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.RestoreFailed(_logger, options.Dut.Name, snapshot, e.Message);
            _store!.Delete(_key!);
            await _machine!.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Saves the freshly booted DUT for the next lab; a failure costs only the next lab's speed, so it is logged, not thrown.</summary>
    private async Task SaveAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await _store!.SaveAsync(key, file => MachineState.SaveAsync(_machine!, file, options.Timeouts.Snapshot, cancellationToken))
                .ConfigureAwait(false);
            if (saved)
                Log.StateSaved(_logger, options.Dut.Name, key);
        }
        catch (Exception e) when (e is QemuException or IOException or UnauthorizedAccessException)
        {
            Log.StateNotSaved(_logger, options.Dut.Name, e.Message);
        }
    }

    private async Task<QemuMachine> StartMachineAsync(QemuMachineOptions machine, CancellationToken cancellationToken)
    {
        try
        {
            return await QemuMachine.StartAsync(machine, loggerFactory, cancellationToken).ConfigureAwait(false);
        }
        catch (QemuException e)
        {
            throw new LabException($"Could not start QEMU for DUT {options.Dut.Name}: {e.Message}", e);
        }
    }
}
