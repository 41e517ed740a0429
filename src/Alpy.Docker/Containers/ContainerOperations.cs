using System.Net.Http.Json;
using Alpy.Docker.Http;
using Alpy.Docker.Json;
using Microsoft.Extensions.Logging;

namespace Alpy.Docker;

/// <summary>The container endpoints: lifecycle here; logs, archives and whole runs in the other parts of this class.</summary>
public sealed partial class ContainerOperations
{
    private readonly DockerConnection connection;
    private readonly ILogger logger;

    internal ContainerOperations(DockerConnection connection, ILogger logger)
    {
        this.connection = connection;
        this.logger = logger;
    }

    /// <summary>Creates a container (not started).</summary>
    /// <param name="spec">What to run; validated first.</param>
    /// <param name="name">A unique name, or null for a generated one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="DockerNotFoundException">The image does not exist (images are never pulled here: build it first).</exception>
    /// <exception cref="DockerConflictException">The name is taken.</exception>
    public Task<ContainerCreated> CreateAsync(ContainerSpec spec, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        return connection.SendAsync(
            HttpMethod.Post,
            "/containers/create",
            new QueryString().Add("name", name),
            JsonContent.Create(spec, DockerJsonContext.Default.ContainerSpec),
            DockerJsonContext.Default.ContainerCreated,
            cancellationToken);
    }

    /// <summary>Starts a created container; starting one that already runs is not an error.</summary>
    /// <exception cref="DockerException">The daemon could not start it (e.g. the executable is missing); its message says why.</exception>
    public Task StartAsync(string id, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Post, $"/containers/{PathSegment.Id(id, "container")}/start", null, null, cancellationToken);

    /// <summary>Waits until the condition holds and returns the exit status.</summary>
    /// <param name="id">The container.</param>
    /// <param name="timeout">How long to wait at most; the container keeps running when it passes.</param>
    /// <param name="condition">What to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="DockerTimeoutException">The container did not get there in time.</exception>
    public async Task<ContainerExit> WaitAsync(
        string id, TimeSpan timeout, WaitCondition condition = WaitCondition.NotRunning, CancellationToken cancellationToken = default)
    {
        using var wait = await BeginWaitAsync(id, condition, cancellationToken).ConfigureAwait(false);
        return await wait.GetExitAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers a wait and returns as soon as the daemon has it, before the container exits. Register
    /// <see cref="WaitCondition.NextExit"/> before <see cref="StartAsync"/> and a fast exit can never be missed.
    /// </summary>
    public async Task<ContainerWait> BeginWaitAsync(string id, WaitCondition condition, CancellationToken cancellationToken = default)
    {
        var path = $"/containers/{PathSegment.Id(id, "container")}/wait";
        var query = new QueryString().Add("condition", condition switch
        {
            WaitCondition.NextExit => "next-exit",
            WaitCondition.Removed => "removed",
            _ => "not-running",
        });

        // The daemon sends the answer's headers once the wait is registered and the body when the condition holds.
        var response = await DockerConnection.WithTimeoutAsync(
            DockerConnection.Describe(HttpMethod.Post, path, query),
            connection.Options.RequestTimeout,
            token => connection.SendAsync(HttpMethod.Post, path, query, null, HttpCompletionOption.ResponseHeadersRead, token),
            cancellationToken).ConfigureAwait(false);
        return new ContainerWait(id, response);
    }

    /// <summary>Sends a signal to the main process (default SIGKILL).</summary>
    /// <exception cref="DockerConflictException">The container is not running.</exception>
    public Task KillAsync(string id, string signal = "SIGKILL", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        return connection.SendAsync(
            HttpMethod.Post, $"/containers/{PathSegment.Id(id, "container")}/kill", new QueryString().Add("signal", signal), null, cancellationToken);
    }

    /// <summary>Sends the stop signal, then SIGKILL after <paramref name="gracePeriod"/>; stopping a stopped container is not an error.</summary>
    public Task StopAsync(string id, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, TimeSpan.Zero);
        var path = $"/containers/{PathSegment.Id(id, "container")}/stop";
        var query = new QueryString().Add("t", (long)Math.Ceiling(gracePeriod.TotalSeconds));
        return DockerConnection.WithTimeoutAsync(
            DockerConnection.Describe(HttpMethod.Post, path, query),
            gracePeriod + connection.Options.RequestTimeout,
            async token =>
            {
                using var response = await connection.SendAsync(HttpMethod.Post, path, query, null, HttpCompletionOption.ResponseContentRead, token)
                    .ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Removes a container with its anonymous volumes.</summary>
    /// <param name="id">The container.</param>
    /// <param name="force">Kills it first if it runs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="DockerNotFoundException">There is no such container (any more).</exception>
    public Task RemoveAsync(string id, bool force = false, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            HttpMethod.Delete,
            $"/containers/{PathSegment.Id(id, "container")}",
            new QueryString().Add("force", force).Add("v", true),
            null,
            cancellationToken);

    /// <summary>Describes a container.</summary>
    /// <exception cref="DockerNotFoundException">There is no such container.</exception>
    public Task<ContainerInspection> InspectAsync(string id, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            HttpMethod.Get, $"/containers/{PathSegment.Id(id, "container")}/json", null, null, DockerJsonContext.Default.ContainerInspection, cancellationToken);

    /// <summary>Describes a container, or returns null when there is none of that id or name.</summary>
    public async Task<ContainerInspection?> TryInspectAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await InspectAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Lists containers, by default all of them (stopped too) that match every given label.</summary>
    public Task<IReadOnlyList<ContainerSummary>> ListAsync(ContainerListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ContainerListOptions();
        var query = new QueryString()
            .Add("all", options.All)
            .Add("filters", Filters.ToQueryValue(("label", options.Labels), ("name", options.Names)));
        return connection.SendAsync(
            HttpMethod.Get, "/containers/json", query, null, DockerJsonContext.Default.IReadOnlyListContainerSummary, cancellationToken);
    }
}
