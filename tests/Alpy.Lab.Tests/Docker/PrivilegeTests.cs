using Alpy.Lab.Apps;
using Alpy.Lab.Helpers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab.Tests.Docker;

/// <summary>
/// Least privilege, read from inside the containers themselves (/proc/self/status): an app holds NET_RAW and
/// NET_BIND_SERVICE and nothing else, a helper NET_ADMIN and nothing else, and neither can gain more (no-new-privileges).
/// </summary>
[Trait("Category", "integration")]
public sealed class PrivilegeTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    // Capability bits: NET_BIND_SERVICE 10, NET_ADMIN 12, NET_RAW 13.
    private const string AppCapabilities = "0000000000002400";
    private const string HelperCapabilities = "0000000000001000";

    private static readonly string[] ReadStatus = ["grep", "-E", "^(CapPrm|CapEff|CapBnd|NoNewPrivs):", "/proc/self/status"];

    [Fact]
    public async Task Given_an_app_When_it_runs_Then_it_holds_only_NET_RAW_and_NET_BIND_SERVICE_and_cannot_gain_more()
    {
        var result = await fixture.Apps.RunAsync(fixture.Node, ReadStatus, null, TestContext.Current.CancellationToken);

        Status(result.Stdout).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["CapPrm"] = AppCapabilities, ["CapEff"] = AppCapabilities, ["CapBnd"] = AppCapabilities, ["NoNewPrivs"] = "1",
        });
    }

    [Fact]
    public async Task Given_an_app_with_an_extra_capability_When_it_runs_Then_it_holds_that_one_too()
    {
        var result = await fixture.Apps.RunAsync(fixture.Node, ReadStatus, new AppOptions { ExtraCapabilities = ["NET_ADMIN"] },
            TestContext.Current.CancellationToken);

        Status(result.Stdout)["CapEff"].Should().Be("0000000000003400");
    }

    [Fact]
    public async Task Given_a_helper_When_it_runs_Then_it_holds_only_NET_ADMIN_and_cannot_gain_more()
    {
        var helpers = new HelperRunner(fixture.Docker, fixture.Removals, fixture.Names, fixture.ToolsImage, TimeSpan.FromSeconds(30), NullLogger.Instance);

        var stdout = await helpers.RunAsync(new HelperJob { Purpose = "read its status", Argv = ReadStatus, NetworkMode = "none", Fix = "-" },
            TestContext.Current.CancellationToken);

        Status(stdout).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["CapPrm"] = HelperCapabilities, ["CapEff"] = HelperCapabilities, ["CapBnd"] = HelperCapabilities, ["NoNewPrivs"] = "1",
        });
        await fixture.Removals.DrainAsync();
        (await fixture.ContainersAsync(LabLabels.Helper)).Should().BeEmpty("a helper is removed once it ran");
    }

    private static Dictionary<string, string> Status(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim());
}
