// Lab benchmark: medians over several runs of bring-up (2 links, start to DUT console-ready) both cold (a true
// boot) and restored (from the saved DUT state), one app run (ping -c 1 to the DUT), DUT reset, teardown, and
// the peak memory of the whole lab, each beside a reference measured in the same run (a bare QEMU boot of the
// same DUT; `docker run --rm` of the same ping by the CLI).
//
//   dotnet run -c Release --project bench/Alpy.Bench.Lab [-- --runs 5 --apps 5 --links 2]
using System.Diagnostics;
using Alpy.Bench.Lab;
using Alpy.Lab;
using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

var settings = BenchSettings.Parse(args);
var dut = await Rabbit.BuildAsync();
var results = new BenchResults();
Console.WriteLine($"Lab benchmark: {settings.Runs} runs, {settings.Links} links, {settings.Apps} app runs and resets per run; " +
                  $"{Environment.ProcessorCount} cores, load average {Machine.LoadAverage()}");

// Warm-up: builds the tools image if needed, probes the accelerator, saves the DUT state, pages everything in.
await using (var warm = await Lab.StartAsync(Options(dut, settings.Links, snapshots: true)))
    await warm.RunAsync(warm.Node(0), ["true"]);

for (var run = 0; run < settings.Runs; run++)
{
    var clock = Stopwatch.StartNew();
    var cold = await Lab.StartAsync(Options(dut, settings.Links, snapshots: false));
    results.Add("bring-up, cold boot", clock.Elapsed);
    foreach (var phase in cold.BringUpPhases)
        results.Add("  cold phase: " + phase.Name, TimeSpan.FromMilliseconds(phase.Ms));
    clock.Restart();
    await cold.DisposeAsync();
    results.Add("teardown", clock.Elapsed);

    clock.Restart();
    var lab = await Lab.StartAsync(Options(dut, settings.Links, snapshots: true));
    results.Add("bring-up, restored", clock.Elapsed);
    if (!lab.Dut.Restored)
        throw new InvalidOperationException("the lab booted instead of restoring; its log says why");
    foreach (var phase in lab.BringUpPhases)
        results.Add("  restored phase: " + phase.Name, TimeSpan.FromMilliseconds(phase.Ms));

    var node = lab.Node(0);
    string[] ping = ["ping", "-c", "1", "-W", "5", node.DutAddress.ToString()];
    for (var i = 0; i < settings.Apps; i++)
    {
        clock.Restart();
        var result = await lab.RunAsync(node, ping);
        results.Add("app run (ping -c 1 DUT)", clock.Elapsed);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"ping failed: {result.Stdout}{result.Stderr}");

        clock.Restart();
        var reference = await Machine.RunAsync("docker", ["run", "--rm", "--network", "container:" + node.ContainerId, lab.ToolsImage, .. ping]);
        results.Add("ref: docker run --rm (CLI)", clock.Elapsed);
        if (reference != 0)
            throw new InvalidOperationException("the reference docker run failed");

        clock.Restart();
        await lab.ResetAsync();
        results.Add("reset", clock.Elapsed);
    }

    var (qemu, host, containers) = await Machine.LabPeakBytesAsync(lab);
    results.AddBytes("peak memory (QEMU + host + containers)", qemu + host + containers);
    results.AddBytes("  QEMU", qemu);
    results.AddBytes("  host process (.NET)", host);
    results.AddBytes("  containers", containers);
    clock.Restart();
    await lab.DisposeAsync();
    results.Add("teardown", clock.Elapsed);

    clock.Restart();
    await BareBoot.RunAsync(dut, Path.Combine(Path.GetTempPath(), "alpy-bench-lab-" + Guid.NewGuid().ToString("N")[..8]));
    results.Add("ref: bare QEMU boot to prompt", clock.Elapsed);
}

results.Print(new Dictionary<string, (double Target, string Reference)>
{
    ["bring-up, cold boot"] = (3000, "ref: bare QEMU boot to prompt"),
    ["bring-up, restored"] = (3000, "ref: bare QEMU boot to prompt"),
    ["app run (ping -c 1 DUT)"] = (350, "ref: docker run --rm (CLI)"),
    ["reset"] = (300, ""),
    ["teardown"] = (1000, ""),
});
Console.WriteLine($"load average at the end: {Machine.LoadAverage()}");
return 0;

static LabOptions Options(DutProfile dut, int links, bool snapshots) => new()
{
    Topology = LabTopology.WithLinks(links),
    Dut = dut,
    Snapshots = snapshots,
    ArtifactsDirectory = Path.Combine(Path.GetTempPath(), "alpy-bench-lab-runs"),
    // Measured beside a whole CI on two cores: the defaults fit an idle machine.
    Timeouts = new LabTimeouts { Boot = TimeSpan.FromSeconds(120), Snapshot = TimeSpan.FromSeconds(60) },
};
