using Alpy.Capture;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Dut.Sharing;

namespace Alpy.Specs.Steps.Labs;

/// <summary>
/// One booted lab in the pool, with what belongs to it (driver, link captures, shared folder) and what the pool
/// needs to know to hand it to the next scenario at its baseline: whether the DUT's configuration changed since the
/// last reset, and whether traffic ran since connection tracking was last cleared.
/// </summary>
internal sealed class PooledLab : IAsyncDisposable
{
    private readonly SharedFolder? _share;
    private readonly string? _trafficReset;

    public PooledLab(Alpy.Lab.Lab lab, string key, IDutDriver driver, string? trafficReset, SharedFolder? share, TimeSpan bootTime, string bootedFor)
    {
        Lab = lab;
        Key = key;
        _trafficReset = trafficReset;
        _share = share;
        BootTime = bootTime;
        BootedFor = bootedFor;
        Driver = new TrackedDriver(driver, BeforeConfigurationAsync);
        Captures = [.. lab.Dut.Captures.Select((path, link) => new CaptureSegments(new CaptureFile(path, new CaptureFileOptions { Name = $"link {link}" })))];
    }

    public Alpy.Lab.Lab Lab { get; }

    /// <summary>The topology's canonical text: scenarios with the same key share this lab.</summary>
    public string Key { get; }

    /// <summary>The driver; it marks the lab configured before each step that changes the DUT.</summary>
    public IDutDriver Driver { get; }

    /// <summary>One capture per link, cut into one segment per scenario, kept for the lab's life so that reading starts where the scenario's frames do.</summary>
    public IReadOnlyList<CaptureSegments> Captures { get; }

    public TimeSpan BootTime { get; }

    /// <summary>The scenario the lab was booted for.</summary>
    public string BootedFor { get; }

    /// <summary>How many scenarios have used it.</summary>
    public int Uses { get; set; }

    /// <summary>A configuration step changed the DUT since its last reset.</summary>
    public bool Configured { get; private set; }

    /// <summary>App containers ran since the DUT's connection tracking was last cleared.</summary>
    public bool TrafficSinceReset { get; set; }

    /// <summary>The last scenario on it failed (its state is unknown: the next one gets a full reset).</summary>
    public bool LastFailed { get; set; }

    /// <summary>When it was last handed out (Stopwatch ticks), for least-recently-used eviction.</summary>
    public long LastUsed { get; set; }

    /// <summary>Whether the next scenario needs the appliance's full reset rather than none.</summary>
    public bool NeedsReset => Uses > 0 && (Configured || LastFailed || _trafficReset is null);

    /// <summary>The DUT's console log (QEMU's escaped text log in the run folder).</summary>
    public string ConsoleLog => Path.Combine(Lab.Folder.Path, "console.log");

    /// <summary>The full reset: the appliance's reset command and stray app containers removed.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await Lab.ResetAsync(cancellationToken).ConfigureAwait(false);
        Configured = false;
        TrafficSinceReset = false;
        LastFailed = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Lab.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (_share is not null)
                await _share.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Before the first configuration step since a reset: clears connection tracking if traffic ran, so rules (NAT) apply to what follows.</summary>
    private async Task BeforeConfigurationAsync(CancellationToken cancellationToken)
    {
        if (!Configured && TrafficSinceReset && _trafficReset is not null)
        {
            var result = await Lab.Dut.RunAsync(_trafficReset, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new DutConfigurationException($"The DUT's traffic reset «{_trafficReset}» exited with {result.ExitCode}: {result.Output.Trim()}");
            TrafficSinceReset = false;
        }

        Configured = true;
    }
}
