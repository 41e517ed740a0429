using System.Diagnostics;
using Alpy.Lab;
using Alpy.Lab.Docker;
using Alpy.Lab.Dut;
using Alpy.Lab.Images;
using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Dut.Mutants;
using Alpy.Specs.Steps.Dut.Sharing;
using Alpy.Specs.Steps.Settings;
using Alpy.Specs.Steps.Topology;
using Alpy.Specs.Steps.Traffic;
using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Specs.Steps.Labs;

/// <summary>
/// The run's labs. In shared mode a lab boots once per topology and is reset between the scenarios that share it
/// (at most <see cref="SuiteSettings.MaxLabs"/> stay booted; the least recently used goes first); in fresh mode
/// every scenario boots its own. A topology whose DUT did not boot is not tried again: its later scenarios fail at
/// once with the first error. Labs kept for investigation are set aside untouched and torn down after the keep
/// time (<see cref="FinishAsync"/>). One scenario at a time (the suite runs scenarios serially).
/// </summary>
public sealed class LabPool : IAsyncDisposable
{
    private readonly SuiteSettings _settings;
    private readonly IAppliance _appliance;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PooledLab> _labs = [];
    private readonly List<KeptLab> _kept = [];
    private readonly Dictionary<string, string> _bootFailures = new(StringComparer.Ordinal);
    private Task<DutProfile>? _profile;
    private Task<string>? _image;
    private bool _disposed;

    public LabPool(SuiteSettings settings, IAppliance appliance, ILoggerFactory? loggerFactory = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _appliance = appliance ?? throw new ArgumentNullException(nameof(appliance));
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<LabPool>();
    }

    public SuiteSettings Settings => _settings;

    /// <summary>How many labs were booted in this run (for the benchmark and the run's summary).</summary>
    public int Boots { get; private set; }

    /// <summary>The labs kept for investigation so far.</summary>
    public IReadOnlyList<KeptLab> Kept => _kept;

    /// <summary>
    /// A lab for <paramref name="topology"/> at its baseline: the shared one (reset if a scenario used it) or a new
    /// one. Its captures are marked, so the scenario's capture steps see only its own frames.
    /// </summary>
    /// <exception cref="LabUnavailableException">No lab could be brought up; the message says why and what to do.</exception>
    public async Task<LabLease> AcquireAsync(LabTopology topology, string scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = TopologyKey.Of(topology);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_bootFailures.TryGetValue(key, out var failure))
                throw new LabUnavailableException($"The lab for this topology did not come up earlier in this run, so it is not tried again:\n{failure}");
            var started = Stopwatch.GetTimestamp();
            var entry = _settings.LabMode == LabMode.Shared ? _labs.FirstOrDefault(l => l.Key == key) : null;
            var story = "";
            if (entry?.Lab.Dut.Death is { } death)
            {
                // Died between scenarios (or the scenario that saw it kept going): replace it, saying so.
                _labs.Remove(entry);
                await DisposeQuietlyAsync(entry).ConfigureAwait(false);
                entry = null;
                story = $"the shared lab broke ({death}), so a new one was booted";
            }
            else if (entry is { NeedsReset: true })
            {
                try
                {
                    await entry.ResetAsync(cancellationToken).ConfigureAwait(false);
                    story = $"{Shared(entry)}, reset in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s";
                }
                catch (LabException e)
                {
                    // A DUT that cannot reset is not at its baseline: replace it rather than fail every later scenario.
                    Log.ResetFailed(_logger, entry.Lab.RunId.Value, e.Message);
                    _labs.Remove(entry);
                    await DisposeQuietlyAsync(entry).ConfigureAwait(false);
                    entry = null;
                    story = $"the shared lab did not reset ({e.Message.Split('\n')[0]}), so a new one was booted";
                }
            }
            else if (entry is not null)
            {
                story = $"{Shared(entry)}, at its baseline (the scenarios before changed no configuration)";
            }

            var overhead = Stopwatch.GetElapsedTime(started);
            if (entry is null)
            {
                await EvictAsync().ConfigureAwait(false);
                entry = await BootAsync(topology, key, scenario, cancellationToken).ConfigureAwait(false);
                story = (story.Length > 0 ? story + "; " : "") + $"{(_settings.LabMode == LabMode.Fresh ? "fresh" : "new")} lab {entry.Lab.RunId} booted in {entry.BootTime.TotalSeconds:0.0} s";
                overhead = TimeSpan.Zero;
                if (_settings.LabMode == LabMode.Shared)
                    _labs.Add(entry);
            }

            entry.Uses++;
            entry.LastUsed = Stopwatch.GetTimestamp();
            var markStarted = Stopwatch.GetTimestamp();
            var lease = new LabLease(entry, story, overhead + Stopwatch.GetElapsedTime(markStarted));
            return lease;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Gives a lab back after its scenario. A fresh lab is torn down; with ALPY_KEEP_LAB=failure the first failing
    /// scenario's lab is set aside untouched instead, and the returned instructions say how to look into it.
    /// </summary>
    public async Task<KeptLab?> ReleaseAsync(LabLease lease, bool failed, string why)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.Released)
            return null;
        lease.Released = true;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var entry = lease.Entry;
            entry.LastFailed = failed;
            // A broken lab is of no use to anyone, not even to keep: its DUT or a node is gone (its logs stay in the run
            // folder). A dead node fails its scenario, so only a failed scenario's lab is asked about its nodes.
            var broken = entry.Lab.Dut.Death?.ToString() ?? (failed ? (await DeadNodeAsync(entry).ConfigureAwait(false))?.ToString() : null);
            if (broken is not null)
            {
                Log.LabBroke(_logger, entry.Lab.RunId.Value, broken);
                _labs.Remove(entry);
                await DisposeQuietlyAsync(entry).ConfigureAwait(false);
                return null;
            }

            if (failed && _settings.KeepLab == KeepLab.OnFailure && _kept.Count == 0)
            {
                _labs.Remove(entry);
                var kept = Keep(entry, why);
                return kept;
            }

            if (_settings.LabMode == LabMode.Fresh)
                await DisposeQuietlyAsync(entry).ConfigureAwait(false);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Ends the run's labs: every lab is torn down, except kept ones (with ALPY_KEEP_LAB=always, all of them),
    /// which are announced through <paramref name="announce"/> and torn down after <see cref="SuiteSettings.KeepFor"/>
    /// or when <paramref name="cancellationToken"/> is cancelled (the run is stopped).
    /// </summary>
    public async Task FinishAsync(Action<string> announce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(announce);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_settings.KeepLab == KeepLab.Always)
            {
                foreach (var entry in _labs)
                    Keep(entry, "ALPY_KEEP_LAB=always");
                _labs.Clear();
            }

            await DisposeLabsAsync().ConfigureAwait(false);
            if (_kept.Count == 0)
                return;
            var until = DateTimeOffset.Now + _settings.KeepFor;
            foreach (var kept in _kept)
                announce(kept.Instructions + $"It stays up until {until:HH:mm:ss} (ALPY_KEEP_MINUTES) or until the run is stopped (Ctrl-C); a later lab run reaps whatever is left.\n");
            try
            {
                await Task.Delay(_settings.KeepFor, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped early: tear down now.
            }

            foreach (var kept in _kept)
                if (kept.Entry is not null)
                    await DisposeQuietlyAsync(kept.Entry).ConfigureAwait(false);
            _kept.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<Alpy.Lab.Nodes.NodeDeath?> DeadNodeAsync(PooledLab entry)
    {
        try
        {
            return await entry.Lab.FindDeadNodeAsync().ConfigureAwait(false);
        }
        catch (LabException)
        {
            return null; // The daemon does not answer: the next scenario's lab says so.
        }
    }

    /// <summary>Tears every lab down at once, kept ones included (the run is over, or stopped).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await DisposeLabsAsync().ConfigureAwait(false);
        foreach (var kept in _kept)
            if (kept.Entry is not null)
                await DisposeQuietlyAsync(kept.Entry).ConfigureAwait(false);
        _kept.Clear();
    }

    private static string Shared(PooledLab entry) =>
        $"shared lab {entry.Lab.RunId} (booted in {entry.BootTime.TotalSeconds:0.0} s for \"{entry.BootedFor}\"; scenario {entry.Uses + 1} on it)";

    private KeptLab Keep(PooledLab entry, string why)
    {
        var kept = new KeptLab(entry.Lab.RunId.Value, why, InvestigationGuide.For(entry.Lab, why)) { Entry = entry };
        _kept.Add(kept);
        Log.Kept(_logger, entry.Lab.RunId.Value, why);
        return kept;
    }

    private async Task<PooledLab> BootAsync(LabTopology topology, string key, string scenario, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        SharedFolder? share = null;
        Alpy.Lab.Lab? lab = null;
        try
        {
            var profile = await (_profile ??= _appliance.PrepareAsync(CancellationToken.None)).ConfigureAwait(false);
            var image = await (_image ??= EnsureImageAsync()).ConfigureAwait(false);
            if (_settings.SharedFolder is { } folder)
            {
                share = await SharedFolder.StartAsync(folder, cancellationToken: cancellationToken).ConfigureAwait(false);
                profile = share.Apply(profile);
            }

            lab = await Alpy.Lab.Lab.StartAsync(new LabOptions
            {
                Topology = topology,
                Dut = profile,
                ToolsImage = image,
                ArtifactsDirectory = _settings.ArtifactsDirectory,
                Timeouts = new LabTimeouts { Boot = _settings.BootTimeout },
                // Fresh mode is for suspecting that something carries over between scenarios: its DUTs boot cold,
                // so not even a saved DUT state (made by an earlier run's boot) is shared.
                Snapshots = _settings.LabMode == LabMode.Shared,
                CaptureSnapLength = _settings.SnapLength,
                // Each scenario's frames are in its evidence (a failed one's as a pcap slice); the whole run's go with
                // the lab unless asked for (ALPY_KEEP_CAPTURES=always), or the lab is kept up for investigation.
                KeepLinkCaptures = _settings.KeepCaptures || _settings.KeepLab != KeepLab.Never,
            }, _loggerFactory, cancellationToken).ConfigureAwait(false);
            var console = new LabDutConsole(lab.Dut);
            if (share is not null)
                await MountShareAsync(console, cancellationToken).ConfigureAwait(false);
            Boots++;
            var elapsed = Stopwatch.GetElapsedTime(started);
            Log.Booted(_logger, lab.RunId.Value, elapsed.TotalSeconds, scenario);
            return new PooledLab(lab, key, Driver(console), _appliance.TrafficResetCommand, share, elapsed, scenario);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (lab is not null)
                await DisposeQuietlyAsync(lab).ConfigureAwait(false);
            if (share is not null)
                await share.DisposeAsync().ConfigureAwait(false);
            var message = Describe(e);
            _bootFailures[key] = $"  (first tried for scenario \"{scenario}\") {message}";
            throw new LabUnavailableException($"The lab did not come up for this scenario's topology: {message}", e);
        }
    }

    private IDutDriver Driver(IDutConsole console)
    {
        var driver = _settings.DriverProgram is { } program ? new ScriptDriver(console, program) : _appliance.CreateDriver(console);
        return _settings.Mutants == DutMutant.None ? driver : new MutantDriver(driver, _settings.Mutants);
    }

    private static async Task MountShareAsync(LabDutConsole console, CancellationToken cancellationToken)
    {
        var result = await console.RunAsync(SharedFolder.MountCommand, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new DutShareException($"The DUT could not mount the shared folder ({SharedFolder.MountCommand} exited with {result.ExitCode}): {result.Output.Trim()}. It needs the virtiofs module.");
    }

    private static async Task<string> EnsureImageAsync()
    {
        using var docker = LabDockerClient.Create();
        return (await new ImageBuilder(docker).EnsureAsync(TrafficImage.Recipe).ConfigureAwait(false)).Reference;
    }

    private string Describe(Exception e) => e switch
    {
        LabException or DutShareException or DutConfigurationException => e.Message,
        ImageBuildException => $"the suite's traffic image could not be built: {e.Message}",
        DockerApiException => $"Docker refused: {e.Message}. Is the daemon running (scripts/install-prerequisites starts it)?",
        InvalidTopologyException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    } + $" [DUT {_appliance.Name}, boot timeout {_settings.BootTimeout.TotalSeconds:0} s]";

    private async Task EvictAsync()
    {
        while (_labs.Count >= _settings.MaxLabs)
        {
            var oldest = _labs.MinBy(l => l.LastUsed)!;
            _labs.Remove(oldest);
            await DisposeQuietlyAsync(oldest).ConfigureAwait(false);
        }
    }

    private async Task DisposeLabsAsync()
    {
        foreach (var entry in _labs)
            await DisposeQuietlyAsync(entry).ConfigureAwait(false);
        _labs.Clear();
    }

    private async Task DisposeQuietlyAsync(IAsyncDisposable lab)
    {
        try
        {
            await lab.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is LabException or Alpy.Lab.Teardown.LabTeardownException or IOException)
        {
            // The lab reports what it could not remove; the next lab run reaps what is left.
            Log.TeardownFailed(_logger, e.Message);
        }
    }
}
