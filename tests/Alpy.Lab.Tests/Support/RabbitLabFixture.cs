namespace Alpy.Lab.Tests.Support;

/// <summary>One Rabbit lab with two links, shared by a test class; reset before each test that changes the DUT.</summary>
public sealed class RabbitLabFixture : IAsyncLifetime
{
    private Lab? _lab;

    public Lab Lab => _lab ?? throw new InvalidOperationException("The lab did not start; see the fixture's error.");

    public async ValueTask InitializeAsync()
    {
        _lab = await Lab.StartAsync(await LabFactory.OptionsAsync(links: 2), cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
            await _lab.DisposeAsync();
    }
}
