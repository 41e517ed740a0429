using Alpy.Lab.Dut;

namespace Alpy.Specs.Steps.Dut;

/// <summary>
/// An appliance the suite can test: where its image comes from and how it is configured. Rabbit
/// (<see cref="RabbitAppliance"/>) is the default; a team registers its own in a [ScenarioDependencies] method
/// (<c>services.AddSingleton&lt;IAppliance, MyAppliance&gt;()</c>) and reuses every traffic and capture step.
/// </summary>
public interface IAppliance
{
    /// <summary>A short name for messages, e.g. "rabbit".</summary>
    string Name { get; }

    /// <summary>Builds or finds the DUT image once per run and returns its profile (kernel, console contract, reset command).</summary>
    Task<DutProfile> PrepareAsync(CancellationToken cancellationToken = default);

    /// <summary>The driver that configures a booted DUT of this appliance through its console.</summary>
    IDutDriver CreateDriver(IDutConsole console);

    /// <summary>
    /// A console command that clears what traffic alone leaves in the DUT and what would change how configuration
    /// applies to later traffic (for Linux: the connection tracking table, which keeps NAT from applying to flows
    /// it has seen). With it, scenarios that configure nothing share the DUT without a reset, and the command runs
    /// before a scenario's first configuration step instead. Null (the default): the full reset runs before every
    /// scenario but the first.
    /// </summary>
    string? TrafficResetCommand => null;
}
