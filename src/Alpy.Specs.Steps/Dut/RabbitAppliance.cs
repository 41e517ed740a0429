using Alpy.Lab.Dut;

namespace Alpy.Specs.Steps.Dut;

/// <summary>The default DUT: Rabbit, built by dut/rabbit/build, configured with nft and tc.</summary>
public sealed class RabbitAppliance : IAppliance
{
    public string Name => "rabbit";

    public Task<DutProfile> PrepareAsync(CancellationToken cancellationToken = default) =>
        Rabbit.BuildAsync(cancellationToken: cancellationToken);

    public IDutDriver CreateDriver(IDutConsole console) => new RabbitNftDriver(console);

    /// <summary>Flushes connection tracking: Rabbit's rules use no connection state, but NAT decides once per tracked flow.</summary>
    public string? TrafficResetCommand => "conntrack -F";
}
