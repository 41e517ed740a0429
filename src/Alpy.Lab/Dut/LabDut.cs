using Alpy.Lab.Topology;
using Alpy.Qemu;
using Alpy.Qemu.Serial;

namespace Alpy.Lab.Dut;

/// <summary>
/// The booted DUT: its serial console (for the step library's DUT drivers, which send validated,
/// quoted commands), its link captures and its health. Every call fails fast, with QEMU's stderr
/// and the console tail, when QEMU died.
/// </summary>
public sealed class LabDut
{
    private readonly QemuMachine _machine;
    private readonly TimeSpan _commandTimeout;

    internal LabDut(QemuMachine machine, DutProfile profile, IReadOnlyList<string> captures, TimeSpan commandTimeout, bool restored)
    {
        Restored = restored;
        _machine = machine;
        Profile = profile;
        Captures = captures;
        _commandTimeout = commandTimeout;
    }

    /// <summary>The DUT's profile (image, prompt, reset command).</summary>
    public DutProfile Profile { get; }

    /// <summary>The pcap of each link, in link order (QEMU's filter-dump; readable while it grows).</summary>
    public IReadOnlyList<string> Captures { get; }

    /// <summary>The serial console, e.g. to wait for a message the DUT prints by itself.</summary>
    public SerialConsole Console => _machine.Console;

    /// <summary>Whether this DUT was restored from a saved state instead of booted (see <see cref="LabOptions.Snapshots"/>).</summary>
    public bool Restored { get; }

    /// <summary>QEMU's process id.</summary>
    public int Pid => _machine.Pid;

    /// <summary>False once QEMU has exited.</summary>
    public bool IsRunning => !_machine.HasExited;

    /// <summary>How and when QEMU ended; null while it runs. Reading it costs nothing while the DUT lives.</summary>
    public DutDeath? Death => _machine.HasExited
        ? new DutDeath(Profile.Name, _machine.Pid, QemuExit.Describe(_machine.Exited.Result), _machine.ExitedAt ?? DateTimeOffset.Now, _machine.StderrTail(), SafeTail())
        : null;

    /// <summary>
    /// Runs one shell command on the DUT's console and returns its exit code and output. The caller
    /// quotes every value it puts into <paramref name="command"/> (see <c>ShellCommand.Quote</c>).
    /// </summary>
    /// <exception cref="LabException">QEMU died, or the command did not finish in time; the message carries the console tail.</exception>
    public async Task<CommandResult> RunAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        EnsureRunning();
        try
        {
            return await _machine.Console.RunAsync(command, timeout ?? _commandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (SerialConsoleException e)
        {
            throw _machine.HasExited ? Died(e) : new LabException($"DUT {Profile.Name}: {e.Message}", e);
        }
    }

    /// <summary>Waits for the ready marker, then the prompt (the profile's <see cref="DutProfile.Readiness"/>);
    /// fails at once on the failure marker or QEMU's exit.</summary>
    internal async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Profile.Readiness.WaitAsync(_machine.Console, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (QemuException e) when (_machine.HasExited)
        {
            throw Died(e);
        }
        catch (SerialConsoleException e)
        {
            throw new LabException(
                $"DUT {Profile.Name} did not reach its prompt «{Profile.Prompt}» within {timeout.TotalSeconds:0.#} s. "
                + "Check the kernel command line (qemu.cmdline in the run folder); a slower machine needs a longer LabTimeouts.Boot. " + e.Message, e);
        }
        catch (QemuException e)
        {
            throw new LabException($"DUT {Profile.Name}: {e.Message} Check the topology's addresses and the DUT image.", e);
        }
    }

    /// <summary>Proves a DUT restored from a saved state alive and at its baseline: one console round trip of the
    /// profile's restore command (its reset command unless it names another).</summary>
    internal async Task ConfirmRestoredAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = Profile.RestoreCommand ?? Profile.ResetCommand;
        var result = await RunAsync(command, timeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new LabException($"DUT {Profile.Name}: «{command}» exited with {result.ExitCode} after a restore: {result.Output.Trim()}.");
    }

    /// <summary>Restores the DUT's baseline with the profile's reset command.</summary>
    internal async Task ResetAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Profile.ResetCommand, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new LabException(
                $"DUT {Profile.Name}: the reset command «{Profile.ResetCommand}» exited with {result.ExitCode}: {result.Output.Trim()}. "
                + "The DUT may not be at its baseline; restart the lab.");
    }

    internal QemuMachine Machine => _machine;

    /// <summary>The NICs of a topology: one per link in link order, each on its tap, with a per-run MAC and a pcap of <paramref name="snapLength"/> bytes per frame.</summary>
    internal static IReadOnlyList<QemuNic> Nics(LabTopology topology, string macSeed, IReadOnlyList<string> taps, Func<int, string> pcap, int? snapLength) =>
        [.. Enumerable.Range(0, topology.Links.Length).Select(i => new QemuNic(taps[i], QemuNic.MacFor(macSeed, i)) { CaptureFile = pcap(i), CaptureSnapLength = snapLength })];

    private void EnsureRunning()
    {
        if (_machine.HasExited)
            throw Died(null);
    }

    private LabException Died(Exception? inner)
    {
        var death = Death!;
        var message = $"The lab broke: {death} while the lab was running. Dispose this lab and start a new one. "
            + $"QEMU stderr (last lines):\n{death.QemuStderr}\nConsole (last lines):\n{death.ConsoleTail}";
        return inner is null ? new LabException(message) : new LabException(message, inner);
    }

    private string SafeTail()
    {
        try
        {
            return _machine.Console.Tail();
        }
        catch (InvalidOperationException)
        {
            return "(no console)";
        }
    }
}
