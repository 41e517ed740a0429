using System.Text.Json.Serialization;
using Alpy.Docker.Json;

namespace Alpy.Docker;

/// <summary>
/// What to create a container from: the body of <c>POST /containers/create</c>. Commands are argv arrays,
/// never shell strings. The container's name is given to <see cref="ContainerOperations.CreateAsync"/>.
/// </summary>
public sealed record ContainerSpec
{
    /// <summary>The image reference or id.</summary>
    public required string Image { get; init; }

    /// <summary>The command's argv (after the entrypoint, if any); null keeps the image's.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>The entrypoint's argv; null keeps the image's.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment variables, sent as <c>NAME=value</c>.</summary>
    [JsonPropertyName("Env")]
    [JsonConverter(typeof(EnvironmentListConverter))]
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Labels; the lab puts its run id here so that its containers can be found and reaped.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public string? WorkingDir { get; init; }

    /// <summary>User (name or uid[:gid]) the command runs as.</summary>
    public string? User { get; init; }

    public string? Hostname { get; init; }

    /// <summary>Allocates a terminal; its output is then one raw stream instead of stdout/stderr frames.</summary>
    public bool Tty { get; init; }

    /// <summary>Keeps stdin open, e.g. for <c>cat</c> as a long-lived no-op process.</summary>
    public bool OpenStdin { get; init; }

    /// <summary>The signal <c>stop</c> sends first (default SIGTERM).</summary>
    public string? StopSignal { get; init; }

    /// <summary>Seconds <c>stop</c> waits before SIGKILL.</summary>
    public int? StopTimeout { get; init; }

    public HostConfig? HostConfig { get; init; }

    /// <summary>Checks what the daemon would reject late or obscurely; the message names the field.</summary>
    /// <exception cref="ArgumentException">A value is empty or carries a NUL character, or an environment name is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Image))
        {
            throw new ArgumentException("The container spec has no image.", nameof(Image));
        }

        ArgvCheck.Arguments(Cmd, nameof(Cmd));
        ArgvCheck.Arguments(Entrypoint, nameof(Entrypoint));
        ArgvCheck.Environment(Environment, nameof(Environment));
        ArgvCheck.Labels(Labels, nameof(Labels));
    }
}
