namespace Alpy.Lab.Docker;

/// <summary>What a container (or a command run in one) wrote.</summary>
/// <param name="Stdout">Its standard output, as UTF-8 text.</param>
/// <param name="Stderr">Its standard error, as UTF-8 text.</param>
/// <param name="Truncated">True when a stream wrote more than <see cref="OutputReader.MaxBytesPerStream"/> bytes and only the first were kept.</param>
public sealed record ContainerOutput(string Stdout, string Stderr, bool Truncated = false)
{
    /// <summary>Nothing written.</summary>
    public static ContainerOutput Empty { get; } = new("", "");
}
