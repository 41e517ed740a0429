using Alpy.Docker.Http;
using Alpy.Docker.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Docker;

/// <summary>
/// A Docker Engine API client over one pooled connection to the daemon (unix socket by default,
/// <c>DOCKER_HOST</c> honoured by <see cref="FromEnvironment"/>). Thread-safe; create one and share it.
/// The API version is negotiated on the first request.
/// </summary>
public sealed class DockerClient : IDisposable
{
    private readonly DockerConnection connection;

    /// <summary>A client with the given options (defaults: /var/run/docker.sock, negotiated version).</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public DockerClient(DockerClientOptions? options = null, ILoggerFactory? loggerFactory = null)
        : this(options ?? new DockerClientOptions(), handler: null, ownsHandler: true, loggerFactory)
    {
    }

    /// <summary>A client that sends its requests through <paramref name="handler"/> (tests, custom transports).</summary>
    public DockerClient(DockerClientOptions options, HttpMessageHandler handler, ILoggerFactory? loggerFactory = null)
        : this(options, handler ?? throw new ArgumentNullException(nameof(handler)), ownsHandler: false, loggerFactory)
    {
    }

    private DockerClient(DockerClientOptions options, HttpMessageHandler? handler, bool ownsHandler, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DockerClient>();
        connection = new DockerConnection(options, handler ?? UnixSocketHandler.Create(options), ownsHandler, logger);
        Containers = new ContainerOperations(connection, logger);
        Exec = new ExecOperations(connection);
        Images = new ImageOperations(connection, logger);
    }

    /// <summary>The options in force.</summary>
    public DockerClientOptions Options => connection.Options;

    public ContainerOperations Containers { get; }

    public ExecOperations Exec { get; }

    public ImageOperations Images { get; }

    /// <summary>A client configured from <c>DOCKER_HOST</c> and <c>DOCKER_API_VERSION</c>, as the docker CLI is.</summary>
    public static DockerClient FromEnvironment(ILoggerFactory? loggerFactory = null) =>
        new(DockerClientOptions.FromEnvironment(), loggerFactory);

    /// <summary>The API version in use: pinned, or negotiated with the daemon on first use.</summary>
    /// <exception cref="DockerUnreachableException">No daemon answers.</exception>
    public Task<DockerApiVersion> GetApiVersionAsync(CancellationToken cancellationToken = default) =>
        connection.GetApiVersionAsync(cancellationToken);

    /// <summary>Asks whether the daemon answers (unversioned <c>GET /_ping</c>).</summary>
    /// <exception cref="DockerUnreachableException">No daemon answers; the message says what to do.</exception>
    public Task<DockerPing> PingAsync(CancellationToken cancellationToken = default) =>
        DockerConnection.WithTimeoutAsync("GET /_ping", Options.RequestTimeout, async token =>
        {
            using var response = await connection.SendUnversionedAsync(HttpMethod.Get, "/_ping", null, null, HttpCompletionOption.ResponseContentRead, token)
                .ConfigureAwait(false);
            var version = response.Headers.TryGetValues("Api-Version", out var values) && DockerApiVersion.TryParse(values.FirstOrDefault(), out var parsed)
                ? parsed
                : (DockerApiVersion?)null;
            var osType = response.Headers.TryGetValues("OSType", out var os) ? os.FirstOrDefault() : null;
            return new DockerPing(version, osType, response.Headers.Server.ToString());
        }, cancellationToken);

    /// <summary>The daemon's version.</summary>
    public Task<DockerVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Get, "/version", null, null, DockerJsonContext.Default.DockerVersion, cancellationToken);

    public void Dispose() => connection.Dispose();
}
