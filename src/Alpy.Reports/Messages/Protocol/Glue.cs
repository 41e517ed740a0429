namespace Alpy.Reports.Messages.Protocol;

internal sealed record Meta
{
    public string? ProtocolVersion { get; init; }
    public Product? Implementation { get; init; }
}

internal sealed record Product
{
    public string Name { get; init; } = "";
    public string? Version { get; init; }
}

internal sealed record Hook
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public SourceReference? SourceReference { get; init; }
}
