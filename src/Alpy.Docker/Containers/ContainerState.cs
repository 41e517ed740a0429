using System.Text.Json.Serialization;

namespace Alpy.Docker;

/// <summary>A container's run state.</summary>
public sealed record ContainerState
{
    /// <summary><c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>removing</c>, <c>exited</c> or <c>dead</c>.</summary>
    public string Status { get; init; } = "";

    public bool Running { get; init; }

    public bool Paused { get; init; }

    public bool Restarting { get; init; }

    /// <summary>The kernel's OOM killer ended the container.</summary>
    [JsonPropertyName("OOMKilled")]
    public bool OomKilled { get; init; }

    public bool Dead { get; init; }

    /// <summary>The main process's pid in the host's pid namespace (0 when not running).</summary>
    public int Pid { get; init; }

    public long ExitCode { get; init; }

    /// <summary>Why the daemon could not start or run it, e.g. a missing executable.</summary>
    public string? Error { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
