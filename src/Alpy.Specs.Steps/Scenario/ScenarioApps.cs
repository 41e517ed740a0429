using System.Net;
using Alpy.Lab.Apps;
using Alpy.Lab.Docker;
using Alpy.Lab.Nodes;
using Alpy.Specs.Steps.Traffic;

namespace Alpy.Specs.Steps.Scenario;

/// <summary>
/// The app containers of one scenario: clients run to completion, servers in the background. Every result and
/// every server's output is kept for the scenario's evidence; servers are stopped when the scenario ends.
/// </summary>
public sealed class ScenarioApps(ScenarioLab lab)
{
    private readonly List<AppResult> _results = [];
    private readonly List<RunningServer> _servers = [];

    /// <summary>How every app of the scenario ended (servers once stopped).</summary>
    public IReadOnlyList<AppResult> Results => _results;

    /// <summary>The servers started so far.</summary>
    public IReadOnlyList<RunningServer> Servers => _servers;

    /// <summary>Runs a client to completion in <paramref name="node"/>'s namespace.</summary>
    public async Task<AppResult> RunAsync(LabNode node, IReadOnlyList<string> argv, string role, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lab.Lease.Entry.TrafficSinceReset = true;
        AppResult result;
        try
        {
            result = await lab.Lease.Lab.RunAsync(node, argv, new AppOptions { Role = role, Timeout = timeout }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await lab.BrokenAsync(e, cancellationToken).ConfigureAwait(false) is { } broken)
                throw broken;
            throw;
        }

        _results.Add(result);
        // A DUT that died while the app ran explains its outcome better than the outcome does (a free check); so does a
        // node that died, which costs a question to the daemon per node and is asked only when the app failed.
        lab.EnsureAlive();
        if (!result.Succeeded && await lab.BrokenAsync(null, cancellationToken).ConfigureAwait(false) is { } dead)
            throw dead;
        return result;
    }

    /// <summary>Starts a server and waits until it listens on <paramref name="port"/>.</summary>
    public async Task<RunningServer> StartServerAsync(LabNode node, IPAddress address, Values.Port port, TransportProtocol protocol, string what,
        IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        lab.Lease.Entry.TrafficSinceReset = true;
        var server = await lab.Lease.Lab.StartAppAsync(node, argv, new AppOptions { Role = "server" }, cancellationToken).ConfigureAwait(false);
        var running = new RunningServer(server, address, port, what);
        _servers.Add(running);
        try
        {
            await server.WaitForPortAsync(port.Number, protocol, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await lab.BrokenAsync(e, cancellationToken).ConfigureAwait(false) is { } broken)
                throw broken;
            throw;
        }

        return running;
    }

    /// <summary>The servers on <paramref name="node"/> (on <paramref name="address"/>, or on all addresses).</summary>
    public IReadOnlyList<RunningServer> ServersOn(LabNode node, IPAddress address) =>
        [.. _servers.Where(s => s.Server.Node.ContainerId == node.ContainerId && (s.Address.Equals(address) || s.Address.Equals(IPAddress.Any) || s.Address.Equals(IPAddress.IPv6Any)))];

    /// <summary>What a running server printed so far.</summary>
    public static async Task<ContainerOutput> OutputAsync(RunningServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        return await server.Server.OutputAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops every server (their output joins <see cref="Results"/>); safe to call twice.</summary>
    public async Task StopServersAsync()
    {
        foreach (var server in _servers)
        {
            try
            {
                _results.Add(await server.Server.StopAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None).ConfigureAwait(false));
            }
            catch (Alpy.Lab.LabException)
            {
                // Gone already (a reset removed it): nothing to keep.
            }
            finally
            {
                await server.Server.DisposeAsync().ConfigureAwait(false);
            }
        }

        _servers.Clear();
    }
}

/// <summary>A server a scenario started, what it serves and where.</summary>
/// <param name="Server">Its app container.</param>
/// <param name="Address">The address it is bound to (0.0.0.0 or :: for all of its node's addresses).</param>
/// <param name="Port">Its port.</param>
/// <param name="What">The step's words, e.g. "node 1 listens on TCP port 88".</param>
public sealed record RunningServer(AppServer Server, IPAddress Address, Values.Port Port, string What);
