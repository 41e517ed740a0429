using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Support;

/// <summary>One Rabbit lab with two links, shared by a test class; reset before each test that changes the DUT.</summary>
public sealed class RabbitLabFixture : IAsyncLifetime
{
    private Lab? _lab;

    public Lab Lab => _lab ?? throw new InvalidOperationException("The lab did not start; see the fixture's error.");

    public async ValueTask InitializeAsync()
    {
        var dut = await Rabbit.BuildAsync(cancellationToken: TestContext.Current.CancellationToken);
        _lab = await Lab.StartAsync(new LabOptions { Topology = LabTopology.WithLinks(2), Dut = dut, ArtifactsDirectory = TestPaths.Artifacts },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
            await _lab.DisposeAsync();
    }
}
