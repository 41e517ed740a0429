using System.Diagnostics;
using Alpy.Lab.Dut;
using Alpy.Runner;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Scenario;
using Microsoft.Extensions.DependencyInjection;

[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace Alpy.Specs.BadInput;

/// <summary>With ALPY_FIXTURE_DUT=broken, the DUT is Rabbit with a kernel command line it rejects: it reports a failed boot.</summary>
[Binding]
public static class FixtureSetup
{
    [ScenarioDependencies]
    public static void Add(IServiceCollection services)
    {
        if (Environment.GetEnvironmentVariable("ALPY_FIXTURE_DUT") == "broken")
            services.AddSingleton<IAppliance, BrokenRabbit>();
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
