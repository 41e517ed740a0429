namespace Alpy.Lab.Tests.Support;

/// <summary>The lab's tools image (busybox, iproute2, the VLAN bridge) for tests below the Lab level.</summary>
public sealed class ToolsImageFixture
{
    public string Image { get; } = "alpy-lab-dev-tools:local";
}
