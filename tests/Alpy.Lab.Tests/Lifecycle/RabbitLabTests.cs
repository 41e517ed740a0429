using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>The acceptance scenarios of the lab: Rabbit with two links, verdicts from app-container exit codes.</summary>
[Trait("Category", "integration")]
public sealed class RabbitLabTests(RabbitLabFixture fixture) : IClassFixture<RabbitLabFixture>
{
    private Lab Lab => fixture.Lab;

    [Fact]
    public async Task Given_the_lab_When_node0_pings_the_DUT_Then_it_exits_0()
    {
        var ping = await Lab.RunAsync(Lab.Node(0), ["ping", "-c", "1", "-W", "2", Lab.Node(0).DutAddress.ToString()],
            cancellationToken: TestContext.Current.CancellationToken);

        ping.ExitCode.Should().Be(0, ping.Stdout + ping.Stderr);
    }
}
