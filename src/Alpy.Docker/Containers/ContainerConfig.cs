namespace Alpy.Docker;

/// <summary>The configuration a container was created with, as inspect reports it (image defaults merged in).</summary>
public sealed record ContainerConfig
{
    public string? Image { get; init; }

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment as <c>NAME=value</c> entries.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    public string? Hostname { get; init; }

    public bool Tty { get; init; }

    public bool OpenStdin { get; init; }
}
