using Alpy.Qemu.Serial;

namespace Alpy.Specs.Steps.Dut;

/// <summary>Runs one shell command line on the DUT's console (the lab's in production, a recorder in tests).</summary>
public interface IDutConsole
{
    /// <summary>Runs <paramref name="command"/>; every value in it is already quoted.</summary>
    Task<CommandResult> RunAsync(string command, CancellationToken cancellationToken = default);
}

/// <summary>The console of a booted lab's DUT.</summary>
public sealed class LabDutConsole(Alpy.Lab.Dut.LabDut dut) : IDutConsole
{
    public Task<CommandResult> RunAsync(string command, CancellationToken cancellationToken = default) =>
        dut.RunAsync(command, cancellationToken: cancellationToken);
}
