using Alpy.Lab.Docker;

namespace Alpy.Lab.Helpers;

/// <summary>One privileged network step done in a short-lived helper container (alpy's way: Docker access, not root).</summary>
internal sealed record HelperJob
{
    /// <summary>What the step does, for logs and errors, e.g. "create taps alpyabc123t0, alpyabc123t1".</summary>
    public required string Purpose { get; init; }

    /// <summary>The command, as an argv array.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>The network namespace: <c>host</c> or <c>container:ID</c>.</summary>
    public string NetworkMode { get; init; } = "host";

    /// <summary>The PID namespace to share, e.g. <c>container:NODE</c> so that PID 1 is the node.</summary>
    public string? PidMode { get; init; }

    /// <summary>Exposes /dev/net/tun (creating taps).</summary>
    public bool NeedsTun { get; init; }

    /// <summary>Input files put into <see cref="HelperRunner.InputDirectory"/> before start (e.g. an ip -batch file).</summary>
    public IReadOnlyList<ArchiveFile> Files { get; init; } = [];

    /// <summary>What the user can do when the step fails.</summary>
    public required string Fix { get; init; }
}
