namespace Alpy.Docker;

/// <summary>Which part of a container's output to read.</summary>
public sealed record ContainerLogsOptions
{
    public bool Stdout { get; init; } = true;

    public bool Stderr { get; init; } = true;

    /// <summary>Only output written after this moment.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only the last N lines.</summary>
    public int? Tail { get; init; }

    /// <summary>Prefixes every line with its RFC 3339 time.</summary>
    public bool Timestamps { get; init; }

    /// <summary>
    /// The container was created with <see cref="ContainerSpec.Tty"/>: its output is one raw stream, not
    /// stdout/stderr frames (API 1.41 does not say which in the answer, so the caller does).
    /// </summary>
    public bool Tty { get; init; }

    /// <summary>At most this many bytes are kept of each of stdout and stderr; the rest is counted as truncated.</summary>
    public int MaxBytesPerStream { get; init; } = 16 * 1024 * 1024;

    /// <summary>How long reading may take (reading logs of an exited container takes milliseconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
