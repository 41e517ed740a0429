namespace Alpy.Docker;

/// <summary>Which containers to list.</summary>
public sealed record ContainerListOptions
{
    /// <summary>Also stopped and created containers (default true: reaping must see them all).</summary>
    public bool All { get; init; } = true;

    /// <summary>Label filters, each <c>name</c> or <c>name=value</c>; a container must match all of them.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Name filters (a container matches when its name contains one).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Lists containers carrying one label with the given value.</summary>
    public static ContainerListOptions WithLabel(string name, string value) => new() { Labels = [$"{name}={value}"] };
}
