namespace Alpy.Docker;

/// <summary>The daemon's answer to a create: the new container's id and any warnings.</summary>
public sealed record ContainerCreated(string Id, IReadOnlyList<string>? Warnings);
