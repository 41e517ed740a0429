using Alpy.Qemu.Images;
using Alpy.Qemu.Tests.Integration;

[assembly: AssemblyFixture(typeof(RabbitImage))]

namespace Alpy.Qemu.Tests.Integration;

/// <summary>The Rabbit image, built (or found in the cache) once for the whole test run by the real recipe.</summary>
public sealed class RabbitImage : IAsyncLifetime
{
    private BootImage? _image;

    public BootImage Image => _image ?? throw new InvalidOperationException("The Rabbit image was not built.");

    public async ValueTask InitializeAsync()
    {
        var recipe = BootImageRecipe.Find() ?? throw new InvalidOperationException($"{BootImageRecipe.Rabbit} not found above {AppContext.BaseDirectory}.");
        _image = await BootImageRecipe.BuildAsync(recipe, cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
