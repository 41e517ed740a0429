using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Integration;

/// <summary>One Rabbit without links, booted once for the tests of a class that only read from it.</summary>
public sealed class BootedRabbit(RabbitImage rabbit) : IAsyncLifetime
{
    private readonly TempDirectory _run = TempDirectory.Create();
    private QemuMachine? _machine;

    public QemuMachine Machine => _machine ?? throw new InvalidOperationException("Rabbit did not boot.");

    public RabbitImage Rabbit => rabbit;

    public async ValueTask InitializeAsync() =>
        _machine = await Integration.Rabbit.BootAsync(rabbit.Image, Integration.Rabbit.Options(rabbit.Image, _run.Path));

    public async ValueTask DisposeAsync()
    {
        if (_machine is not null)
        {
            await _machine.DisposeAsync();
        }

        _run.Dispose();
    }
}
