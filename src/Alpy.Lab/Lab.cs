using Alpy.Lab.Apps;
using Alpy.Lab.Artifacts;
using Alpy.Lab.Docker;
using Alpy.Lab.Dut;
using Alpy.Lab.Helpers;
using Alpy.Lab.Images;
using Alpy.Lab.Links;
using Alpy.Lab.Naming;
using Alpy.Lab.Nodes;
using Alpy.Lab.Runs;
using Alpy.Lab.Teardown;
using Alpy.Lab.Topology;
using Alpy.Qemu;
using Alpy.Qemu.Serial;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Lab;

/// <summary>
/// One lab: the DUT booted in QEMU, each of its links wired to a node container, app containers on
/// demand, every frame of every link captured. Brought up by <see cref="StartAsync"/>, shared by
/// scenarios through <see cref="ResetAsync"/>, torn down in reverse order by <see cref="DisposeAsync"/>
/// with every step guarded. Nothing is left behind, also after a crash: the next lab reaps dead runs.
/// </summary>
public sealed class Lab : IAsyncDisposable
{
    private readonly LabOptions _options;
    private readonly DockerClient _docker;
    private readonly ContainerRemovals _removals;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly RunLease _lease;
    private readonly LabNames _names;
    private readonly TeardownPlan _teardown;
    private readonly PhaseClock _bringUp = new();
    private readonly List<double> _resets = [];
    private readonly List<string> _errors = [];
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly SemaphoreSlim _disposeGate = new(1, 1);
    private LinkWiring? _wiring;
    private AppRunner? _apps;
    private LabDut? _dut;
    private IReadOnlyList<TeardownTiming> _teardownTimings = [];
    private bool _disposed;

    private Lab(LabOptions options, DockerClient docker, RunLease lease, ILoggerFactory loggerFactory)
    {
        _options = options;
        _docker = docker;
        _removals = new ContainerRemovals(docker);
        _lease = lease;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<Lab>();
        _names = new LabNames(lease.Id);
        _teardown = new TeardownPlan(_logger);
        Folder = new RunFolder(options.ResolveArtifactsDirectory(), lease.Id);
    }

    /// <summary>The run's id: in every container label, tap name and folder of this lab.</summary>
    public RunId RunId => _lease.Id;

    /// <summary>The run's artifact folder (console logs, QEMU stderr, link pcaps, container logs, lab.json).</summary>
    public RunFolder Folder { get; }

    /// <summary>The topology this lab was brought up from.</summary>
    public LabTopology Topology => _options.Topology;

    /// <summary>The DUT.</summary>
    public LabDut Dut => _dut ?? throw new InvalidOperationException("The lab is not up.");

    /// <summary>Every node: one per link in link order, then one per VLAN.</summary>
    public IReadOnlyList<LabNode> Nodes => _wiring?.Nodes ?? [];

    /// <summary>The image nodes, helpers and apps run by default (the lab's tools image).</summary>
    public string ToolsImage { get; private set; } = "";

    /// <summary>Bring-up phases and their durations.</summary>
    public IReadOnlyList<PhaseTiming> BringUpPhases => _bringUp.Phases;

    /// <summary>The node of link <paramref name="link"/>.</summary>
    public LabNode Node(int link) =>
        Nodes.SingleOrDefault(n => n.Link == link && n.VlanId is null)
        ?? throw new ArgumentOutOfRangeException(nameof(link), link, $"The lab has links 0..{Topology.Links.Length - 1}.");

    /// <summary>The node of VLAN <paramref name="vlanId"/> on link <paramref name="link"/>.</summary>
    public LabNode VlanNode(int link, int vlanId) =>
        Nodes.SingleOrDefault(n => n.Link == link && n.VlanId == vlanId)
        ?? throw new ArgumentOutOfRangeException(nameof(vlanId), vlanId, $"Link {link} has no VLAN {vlanId} in the topology.");

    /// <summary>
    /// Brings a lab up: reaps dead runs, builds the tools image if needed, creates taps and nodes,
    /// boots the DUT with one NIC per link (captured to the run folder), wires the links, and waits
    /// until the DUT's console and every node are ready. On failure everything created is removed
    /// before the error propagates.
    /// </summary>
    /// <exception cref="InvalidTopologyException">The topology is invalid.</exception>
    /// <exception cref="LabException">A step failed; the message names it, the cause and the fix.</exception>
    public static async Task<Lab> StartAsync(LabOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var registry = new RunRegistry(options.RegistryDirectory);
        var docker = LabDockerClient.Create(options.DockerEndpoint, loggerFactory.CreateLogger<DockerClient>());
        RunLease? lease = null;
        Lab lab;
        try
        {
            lease = registry.Register();
            lab = new Lab(options, docker, lease, loggerFactory);
        }
        catch
        {
            lease?.Dispose();
            docker.Dispose();
            throw;
        }

        lab._teardown.Push("release the run registry folder", _ => { lease.Dispose(); return Task.CompletedTask; });
        if (options.TeardownOnSignal)
            SignalTeardown.Register(lab);
        try
        {
            await lab.BringUpAsync(registry, cancellationToken).ConfigureAwait(false);
            Log.LabUp(lab._logger, lab.RunId.Value, lab.Topology.Links.Length, lab.Folder.Path);
            return lab;
        }
        catch (Exception e)
        {
            lab._errors.Add("bring-up: " + e.Message);
            var cleanup = "everything it created was removed";
            Exception cause = e;
            try
            {
                await lab.DisposeAsync().ConfigureAwait(false);
            }
            catch (LabTeardownException teardown)
            {
                cleanup = "cleaning up also failed: " + teardown.Message;
                cause = new AggregateException(e, teardown);
            }
            if (e is OperationCanceledException && cause == e)
                throw;
            // Name the phase that broke, and for an exception that is not the project's own (a bug, a
            // library's surprise) its type too, which its message alone often does not say.
            var at = lab._bringUp.Failed is { } phase ? $" at '{phase}'" : "";
            var what = e.GetType().Namespace?.StartsWith("Alpy.", StringComparison.Ordinal) == true ? e.Message : $"{e.GetType().Name}: {e.Message}";
            throw new LabException($"Lab run {lease.Id} could not start{at} ({cleanup}; artifacts in {lab.Folder.Path}): {what}", cause)
            {
                Run = lease.Id,
            };
        }
    }

    /// <summary>
    /// Reaps what this user's dead lab runs left on this machine (containers, taps, QEMU processes, registry
    /// folders) without touching live runs or other users' runs. A lab start does this by itself; `alpy lab reap` calls it.
    /// </summary>
    public static async Task<ReapReport> ReapAsync(string? registryDirectory = null, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        using var docker = LabDockerClient.Create(logger: loggerFactory.CreateLogger<DockerClient>());
        var logger = loggerFactory.CreateLogger<Lab>();
        var registry = new RunRegistry(registryDirectory);
        // The reap is a run of its own for its helper's sake: its container is labelled with a live run id.
        using var lease = registry.Register();
        var removals = new ContainerRemovals(docker);
        var reaper = new Reaper(docker, registry, token => ReapHelpersAsync(removals, lease.Id, logger, token), logger);
        try
        {
            return await reaper.ReapAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await removals.DrainAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="argv"/> in an app container in <paramref name="node"/>'s namespace and returns how it ended.</summary>
    /// <exception cref="LabException">The app could not run (missing image, timeout); an exit code other than 0 is a result, not an error.</exception>
    public Task<AppResult> RunAsync(LabNode node, IReadOnlyList<string> argv, AppOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Apps.RunAsync(node, argv, options, cancellationToken);
    }

    /// <summary>Starts <paramref name="argv"/> in the background in <paramref name="node"/>'s namespace (a server, a listener).</summary>
    public Task<AppServer> StartAppAsync(LabNode node, IReadOnlyList<string> argv, AppOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Apps.StartAsync(node, argv, options, cancellationToken);
    }

    /// <summary>
    /// The first node container that is no longer running, or null when all run: a dead node is the lab breaking (its
    /// namespace, tap and addresses went with it), not a traffic outcome. One inspect per node, so callers ask when
    /// something already failed, not on every step.
    /// </summary>
    /// <exception cref="LabException">The daemon did not answer.</exception>
    public async Task<NodeDeath?> FindDeadNodeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var node in Nodes)
        {
            try
            {
                var state = (await _docker.CallAsync(token => _docker.Containers.InspectContainerAsync(node.ContainerId, token), cancellationToken)
                    .ConfigureAwait(false)).State;
                if (state is null || state.Running)
                    continue;
                var finished = DateTimeOffset.TryParse(state.FinishedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                    && at.Year > 1 ? at : (DateTimeOffset?)null;
                return new NodeDeath(node, $"exited (code {state.ExitCode}{(state.OOMKilled ? ", out of memory" : "")})", finished);
            }
            catch (DockerContainerNotFoundException)
            {
                return new NodeDeath(node, "was removed", null);
            }
        }

        return null;
    }

    /// <summary>
    /// Restores the baseline between scenarios: the DUT's reset command (ruleset, conntrack, qdiscs,
    /// addresses and routes back to the plan) and every app container still around removed. Nodes
    /// need no reset: apps have no capability to change their namespace.
    /// </summary>
    /// <exception cref="LabException">The DUT did not reset (or QEMU died); the message carries the console tail.</exception>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAll(Dut.ResetAsync(cancellationToken), RemoveContainersAsync(LabLabels.App, cancellationToken)).ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        lock (_resets)
            _resets.Add(elapsed.TotalMilliseconds);
        Log.LabReset(_logger, RunId.Value, elapsed);
    }

    /// <summary>
    /// Tears the lab down in reverse order of bring-up: VLAN bridges, QEMU, containers, leftover taps,
    /// registry folder. Every step runs even when an earlier one failed; failures are reported
    /// together. Safe to call twice and from a signal handler.
    /// </summary>
    /// <exception cref="LabTeardownException">One or more steps failed; the others still ran.</exception>
    public async ValueTask DisposeAsync()
    {
        await _disposeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            SignalTeardown.Unregister(this);
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    _teardownTimings = await _teardown.RunAsync(_options.Timeouts.TeardownStep).ConfigureAwait(false);
                }
                catch (LabTeardownException e)
                {
                    _teardownTimings = e.Timings;
                    _errors.Add("teardown: " + e.Message);
                    throw;
                }
                finally
                {
                    await SaveRecordQuietlyAsync().ConfigureAwait(false);
                }
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                Log.LabDown(_logger, RunId.Value, elapsed);
            }
            finally
            {
                // Removals started by a bring-up that failed before its teardown step existed still need the client.
                await _removals.DrainAsync().ConfigureAwait(false);
                _docker.Dispose();
            }
        }
        finally
        {
            _disposeGate.Release();
        }
    }

    private AppRunner Apps => _apps ?? throw new InvalidOperationException("The lab is not up.");

    private async Task BringUpAsync(RunRegistry registry, CancellationToken cancellationToken)
    {
        // What the user must be allowed first, before anything is created or booted: Docker, then /dev/net/tun.
        await _bringUp.TimeAsync("docker ping", () => PingDockerAsync(cancellationToken)).ConfigureAwait(false);
        TunDevice.EnsureUsable();
        ToolsImage = _options.ToolsImage ?? await _bringUp.TimeAsync("tools image", () => EnsureToolsImageAsync(cancellationToken)).ConfigureAwait(false);
        var helpers = new HelperRunner(_docker, _removals, _names, ToolsImage, _options.Timeouts.Helper, _logger);
        if (_options.ReapAtStart)
            await _bringUp.TimeAsync("reap dead runs", () => new Reaper(_docker, registry, _ => Task.FromResult(helpers), _logger).ReapAsync(cancellationToken))
                .ConfigureAwait(false);

        var topology = _options.Topology;
        var taps = new TapPlan(topology, _names);
        var launcher = new NodeLauncher(_docker, _names, ToolsImage);
        var wiring = new LinkWiring(topology, taps, helpers, launcher, new VlanBridgeLauncher(_docker, _names, ToolsImage), _options.Timeouts);
        _wiring = wiring;
        _apps = new AppRunner(_docker, _removals, _names, ToolsImage, Folder.Containers, _logger);
        var machineOptions = MachineOptions(taps);
        try
        {
            machineOptions.Validate();
        }
        catch (QemuOptionsException e)
        {
            throw new LabException($"Cannot start the DUT {_options.Dut.Name}: {e.Message}", e);
        }

        // Taken down last but one: containers (nodes, bridges, stray apps) go after QEMU, taps after the nodes.
        _teardown.Push("delete leftover host taps", token => wiring.DeleteLeftoverHostTapsAsync(RunId, token));
        _teardown.Push("remove the containers of the run", token => RemoveContainersAsync(component: null, token));

        // QEMU needs only the taps: it starts booting (or restoring) while the nodes are still being created.
        var nodes = _bringUp.TimeAsync("start nodes", () => wiring.StartNodesAsync(cancellationToken));
        var qemu = new DutLauncher(_options, machineOptions, [.. Enumerable.Range(0, topology.Links.Length).Select(Folder.LinkPcap)], _bringUp, _loggerFactory);
        try
        {
            await _bringUp.TimeAsync("create taps", () => wiring.CreateHostTapsAsync(EffectiveUid(), cancellationToken)).ConfigureAwait(false);
            if (!_options.KeepLinkCaptures)
                _teardown.Push("delete the link captures", _ => DeleteLinkCaptures(topology.Links.Length));
            _teardown.Push("stop QEMU", _ => qemu.DisposeAsync().AsTask());
            await _bringUp.TimeAsync("start QEMU", () => qemu.StartAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            // Let the node creation settle, so that teardown sees (and removes) every node it made.
            await nodes.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        await nodes.ConfigureAwait(false);

        var dut = qemu.ReadyAsync(cancellationToken);
        await Task.WhenAll(dut, _bringUp.TimeAsync("connect links", () => wiring.ConnectAsync(cancellationToken))).ConfigureAwait(false);
        _dut = await dut.ConfigureAwait(false);
        await SaveRecordAsync().ConfigureAwait(false);
    }

    // Runs after QEMU stopped writing them. A whole run's frames are the bulk of a run folder (a 3 s full-speed
    // measurement is a million frames); each scenario's own frames went into its evidence while the lab ran.
    private Task DeleteLinkCaptures(int links)
    {
        for (var link = 0; link < links; link++)
            File.Delete(Folder.LinkPcap(link));
        return Task.CompletedTask;
    }

    private async Task<string> EnsureToolsImageAsync(CancellationToken cancellationToken)
    {
        try
        {
            var images = new ImageBuilder(_docker, logger: _loggerFactory.CreateLogger<ImageBuilder>());
            return (await images.EnsureAsync(LabImages.Tools, cancellationToken).ConfigureAwait(false)).Reference;
        }
        catch (ImageBuildException e)
        {
            throw new LabException($"Could not build the lab's tools image: {e.Message}", e);
        }
    }

    private QemuMachineOptions MachineOptions(TapPlan taps) => new()
    {
        Name = $"alpy-{RunId}",
        Binary = _options.QemuBinary ?? "qemu-system-x86_64",
        RunDirectory = Folder.Path,
        // Sockets live in the registry folder: short paths, and the reaper finds a dead run's QEMU by them.
        SocketDirectory = _lease.Directory,
        Kernel = _options.Dut.Kernel,
        Initrd = _options.Dut.Initrd,
        Append = _options.Dut.CommandLine(_options.Topology),
        MemoryMiB = _options.MemoryMiB ?? _options.Dut.MemoryMiB,
        // A saved state holds the NICs' MACs: with snapshots they are the DUT's own, not the run's (each lab's links live in
        // namespaces of their own, so equal MACs in two labs never meet).
        Nics = LabDut.Nics(_options.Topology, _options.UsesSnapshots ? "dut-" + _options.Dut.Name : RunId.Value, taps.LinkTaps, Folder.LinkPcap, _options.CaptureSnapLength),
        ExtraArgs = _options.Dut.QemuArgs,
        Console = new SerialConsoleOptions
        {
            Name = $"console of DUT {_options.Dut.Name} (run {RunId})",
            Prompt = _options.Dut.Prompt,
            DefaultTimeout = _options.Timeouts.Command,
        },
    };

    private async Task PingDockerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _docker.CallAsync(token => _docker.System.PingAsync(token), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerUnavailableException e)
        {
            throw new LabException($"The lab needs a Docker daemon: {e.Message}", e);
        }
        catch (DockerApiException e)
        {
            throw new LabException($"The lab needs a Docker daemon; the one at {_docker.Options.Endpoint} answered: {DaemonMessage.Of(e)}", e);
        }
    }

    /// <summary>Removes the run's containers of one component (or all of them) in parallel, after the removals under way.</summary>
    private async Task RemoveContainersAsync(string? component, CancellationToken cancellationToken)
    {
        await _removals.DrainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var labels = new List<string> { $"{LabLabels.Run}={RunId}" };
        if (component is not null)
            labels.Add($"{LabLabels.Component}={component}");
        var containers = await _docker.CallAsync(token => _docker.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = DockerCalls.LabelFilter(labels) }, token), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(containers.Select(async c =>
        {
            try
            {
                await _docker.CallAsync(token => _docker.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true }, token),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                // Gone meanwhile: what removal wanted.
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Its app run is removing it right now: "removed" is what the caller was promised, so wait for it.
                await WaitRemovedAsync(c.ID, cancellationToken).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }

    private async Task WaitRemovedAsync(string id, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeouts.Helper);
        try
        {
            while (true)
            {
                await _docker.CallAsync(token => _docker.Containers.InspectContainerAsync(id, token), deadline.Token).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token).ConfigureAwait(false);
            }
        }
        catch (DockerContainerNotFoundException)
        {
            // Removed.
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LabException($"Container {id} of run {RunId} was still being removed after {_options.Timeouts.Helper.TotalSeconds:0.#} s.", e);
        }
    }

    private Task SaveRecordAsync()
    {
        var record = new LabRecord
        {
            RunId = RunId.Value,
            Dut = _options.Dut.Name,
            Links = Topology.Links.Length,
            Vlans = Topology.AllVlans.Count(),
            StartedAt = _startedAt,
            BringUp = _bringUp.Phases,
            ResetsMs = [.. _resets],
            Teardown = [.. _teardownTimings.Select(t => new PhaseTiming(t.Step, t.Elapsed.TotalMilliseconds))],
            Errors = [.. _errors],
        };
        return record.SaveAsync(Folder.LabJson);
    }

    private async Task SaveRecordQuietlyAsync()
    {
        try
        {
            await SaveRecordAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Log.RecordNotSaved(_logger, Folder.LabJson, e.Message);
        }
    }

    private static async Task<HelperRunner> ReapHelpersAsync(ContainerRemovals removals, RunId run, ILogger logger, CancellationToken cancellationToken)
    {
        var image = (await new ImageBuilder(removals.Docker).EnsureAsync(LabImages.Tools, cancellationToken).ConfigureAwait(false)).Reference;
        return new HelperRunner(removals.Docker, removals, new LabNames(run), image, TimeSpan.FromSeconds(30), logger);
    }

    private static uint EffectiveUid() => Native.GetEffectiveUserId();
}
