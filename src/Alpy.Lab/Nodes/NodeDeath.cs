namespace Alpy.Lab.Nodes;

/// <summary>A node container that is no longer running, and how it ended: with it went the network namespace its link's
/// tap lives in, so no traffic reaches that node any more.</summary>
/// <param name="Node">The node.</param>
/// <param name="How">"exited (code 137)", "was removed".</param>
/// <param name="At">When it ended, as the daemon says; null when the daemon no longer knows it.</param>
public sealed record NodeDeath(LabNode Node, string How, DateTimeOffset? At)
{
    /// <summary>"node 1's container alpy-x1-node1 exited (code 137) at 03:21:07.412".</summary>
    public override string ToString() =>
        $"{Node.Name}'s container {Node.ContainerName} {How}{(At is { } at ? $" at {at.ToLocalTime():HH:mm:ss.fff}" : "")}";
}
