namespace Alpy.Docker;

/// <summary>An image as <c>GET /images/json</c> lists it.</summary>
public sealed record ImageSummary
{
    /// <summary>The image id, <c>sha256:...</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Its tags; empty (or <c>&lt;none&gt;:&lt;none&gt;</c>) for a dangling image.</summary>
    public IReadOnlyList<string>? RepoTags { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Creation time in seconds since the Unix epoch.</summary>
    public long Created { get; init; }

    public long Size { get; init; }
}
