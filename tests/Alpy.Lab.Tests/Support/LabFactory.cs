using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Support;

/// <summary>Options for labs a test brings up itself.</summary>
internal static class LabFactory
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DutProfile? _rabbit;

    public static async Task<DutProfile> RabbitAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _rabbit ??= await Rabbit.BuildAsync(cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<LabOptions> OptionsAsync(int links = 1) => new()
    {
        Topology = LabTopology.WithLinks(links),
        Dut = await RabbitAsync(),
        ArtifactsDirectory = TestPaths.Artifacts,
        // The lab's default boot timeout fits an idle machine; these tests run beside a whole CI on two cores.
        Timeouts = new LabTimeouts { Boot = TimeSpan.FromSeconds(120), Snapshot = TimeSpan.FromSeconds(60) },
    };
}
