using System.Diagnostics;
using Alpy.Lab.Dut;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Scenario;
using Reqnroll;
using Reqnroll.BoDi;

[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(Alpy.Specs.Steps.Plugin.SuitePlugin))]
[assembly: Xunit.TestCaseOrderer(typeof(Alpy.Specs.Steps.Plugin.FeatureFileOrder))]

namespace Alpy.Specs.BadInput;

/// <summary>With ALPY_FIXTURE_DUT=broken, the DUT is Rabbit with a kernel command line it rejects: it reports a failed boot.</summary>
[Binding]
public static class FixtureSetup
{
    /// <summary>Replaces the step library's appliance the way a team registers its own (after the library's defaults).</summary>
    [BeforeTestRun]
    public static void Register(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (Environment.GetEnvironmentVariable("ALPY_FIXTURE_DUT") == "broken")
            container.RegisterTypeAs<BrokenRabbit, IAppliance>();
    }

    [Given("a step that needs no lab")]
    public static void GivenAStepThatNeedsNoLab()
    {
    }
}

/// <summary>A crash of the DUT, for the fault test: its QEMU is killed with SIGKILL after a delay, while later steps run.</summary>
[Binding]
public sealed class CrashSteps(ScenarioLab lab)
{
    [Given("the DUT crashes in {int} seconds")]
    public void GivenTheDutCrashesIn(int seconds)
    {
        var pid = lab.Lease.Lab.Dut.Pid;
        DateTime started;
        using (var qemu = Process.GetProcessById(pid))
            started = qemu.StartTime;
        _ = Task.Delay(TimeSpan.FromSeconds(seconds)).ContinueWith(_ =>
        {
            using var process = Process.GetProcessById(pid);
            if (process.StartTime == started) // the same QEMU, not a process that got its pid since
                process.Kill();
        }, TaskScheduler.Default);
    }
}

/// <summary>A node container that dies, for the fault test: killed (SIGKILL) through the daemon, as a crashing container
/// ends. (Killed while an app of its namespace runs, the namespace would live on until the app ends, so the step kills
/// it before the traffic.)</summary>
[Binding]
public sealed class NodeCrashSteps(ScenarioLab lab)
{
    [Given("node {int}'s container dies")]
    public async Task GivenTheNodeDies(int link)
    {
        using var docker = Alpy.Lab.Docker.LabDockerClient.Create();
        await docker.Containers.KillContainerAsync(lab.Lease.Lab.Node(link).ContainerId, new Docker.DotNet.Models.ContainerKillParameters { Signal = "KILL" })
            .ConfigureAwait(false);
    }
}

/// <summary>Rabbit, asked for a static route it cannot parse: it prints "rabbit: failed: ..." instead of its ready marker.</summary>
public sealed class BrokenRabbit : IAppliance
{
    private readonly RabbitAppliance _rabbit = new();

    public string Name => "broken rabbit";

    public async Task<DutProfile> PrepareAsync(CancellationToken cancellationToken = default)
    {
        var profile = await _rabbit.PrepareAsync(cancellationToken).ConfigureAwait(false);
        return profile with { Append = profile.Append + " rabbit.route=no-gateway" };
    }

    public IDutDriver CreateDriver(IDutConsole console) => _rabbit.CreateDriver(console);
}
