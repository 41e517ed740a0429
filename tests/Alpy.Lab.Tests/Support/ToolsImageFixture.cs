using Alpy.Lab.Images;

namespace Alpy.Lab.Tests.Support;

/// <summary>The lab's tools image (busybox, iproute2, the VLAN bridge), built once if its inputs changed.</summary>
public sealed class ToolsImageFixture : IAsyncLifetime
{
    public string Image { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        using var docker = LabDocker.Client();
        Image = (await new ImageBuilder(docker).EnsureAsync(LabImages.Tools, TestContext.Current.CancellationToken)).Reference;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
