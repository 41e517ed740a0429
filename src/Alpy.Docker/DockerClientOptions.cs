namespace Alpy.Docker;

/// <summary>How a <see cref="DockerClient"/> reaches the daemon and how long it waits. Immutable; validated by the client.</summary>
public sealed record DockerClientOptions
{
    /// <summary>The daemon's address; <see cref="DockerEndpoint.Default"/> unless <c>DOCKER_HOST</c> says otherwise.</summary>
    public DockerEndpoint Endpoint { get; init; } = DockerEndpoint.Default;

    /// <summary>Pins the API version instead of negotiating it with the daemon (as <c>DOCKER_API_VERSION</c> does).</summary>
    public DockerApiVersion? ApiVersion { get; init; }

    /// <summary>
    /// How long a short request (create, start, inspect, list, remove...) may take, answer included.
    /// Long operations (wait, logs, exec, import) take their own timeout.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting to the daemon may take before it counts as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Options from the environment as the docker CLI reads it: <c>DOCKER_HOST</c> and <c>DOCKER_API_VERSION</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A variable holds a value this client cannot use (the message names it).</exception>
    public static DockerClientOptions FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariable);

    internal static DockerClientOptions FromEnvironment(Func<string, string?> variable)
    {
        var options = new DockerClientOptions();
        if (!string.IsNullOrWhiteSpace(variable("DOCKER_TLS_VERIFY")) || !string.IsNullOrWhiteSpace(variable("DOCKER_CERT_PATH")))
        {
            throw new ArgumentException(
                "DOCKER_TLS_VERIFY/DOCKER_CERT_PATH are set, but Alpy.Docker does not speak TLS. "
                + "Use the local socket (unset DOCKER_HOST and DOCKER_TLS_VERIFY) or a plain tcp:// daemon.");
        }

        var host = variable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(host))
        {
            try
            {
                options = options with { Endpoint = DockerEndpoint.Parse(host) };
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"DOCKER_HOST: {e.Message}", e);
            }
        }

        var version = variable("DOCKER_API_VERSION");
        if (!string.IsNullOrWhiteSpace(version))
        {
            options = DockerApiVersion.TryParse(version, out var pinned)
                ? options with { ApiVersion = pinned }
                : throw new ArgumentException($"DOCKER_API_VERSION='{version}' is not an API version such as 1.41. Unset it to negotiate.");
        }

        return options;
    }

    /// <summary>Checks the options; the message says which value is wrong and what to use.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint, nameof(Endpoint));
        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(RequestTimeout)} must be positive (was {RequestTimeout}).");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ConnectTimeout)} must be positive (was {ConnectTimeout}).");
        }

        if (ApiVersion is { } pinned && pinned < DockerApiVersion.MinimumSupported)
        {
            throw new ArgumentException(
                $"{nameof(ApiVersion)} {pinned} is older than {DockerApiVersion.MinimumSupported}, the oldest this client supports.");
        }
    }
}
