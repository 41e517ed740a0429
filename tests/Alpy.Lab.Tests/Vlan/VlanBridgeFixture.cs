using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Vlan;

/// <summary>The VLAN bridge compiled once from its source in src/Alpy.Lab/Vlan with the flags the tools image uses.</summary>
public sealed class VlanBridgeFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpy-test-vlan-").FullName;

    public string Program => Path.Combine(_directory, "alpy-vlan-bridge");

    public static string SourcePath => Path.Combine(TestPaths.Repository, "src", "Alpy.Lab", "Vlan", "alpy-vlan-bridge.c");

    public async ValueTask InitializeAsync() =>
        (await HostCommand.RunAsync("gcc", "-static", "-O2", "-Wall", "-Wextra", "-Werror", "-o", Program, SourcePath))
            .EnsureSuccess("compiling the VLAN bridge");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
