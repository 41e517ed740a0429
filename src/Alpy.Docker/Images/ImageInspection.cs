namespace Alpy.Docker;

/// <summary>An image as <c>GET /images/{name}/json</c> describes it.</summary>
public sealed record ImageInspection
{
    /// <summary>The image id, <c>sha256:...</c>.</summary>
    public required string Id { get; init; }

    public IReadOnlyList<string> RepoTags { get; init; } = [];

    public DateTimeOffset Created { get; init; }

    public long Size { get; init; }

    public ImageConfig? Config { get; init; }
}

/// <summary>The run configuration an image gives its containers.</summary>
public sealed record ImageConfig
{
    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment as <c>NAME=value</c> entries.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public string? WorkingDir { get; init; }
}
