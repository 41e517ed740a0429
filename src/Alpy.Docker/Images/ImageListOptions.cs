namespace Alpy.Docker;

/// <summary>Which images to list.</summary>
public sealed record ImageListOptions
{
    /// <summary>Label filters, each <c>name</c> or <c>name=value</c>; an image must match all of them.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Reference patterns, e.g. <c>alpy-tools</c> or <c>alpy-tools:*</c>.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Only dangling (untagged) images when true, only tagged ones when false.</summary>
    public bool? Dangling { get; init; }
}
