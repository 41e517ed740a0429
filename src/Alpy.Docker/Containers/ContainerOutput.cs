namespace Alpy.Docker;

/// <summary>What a container or exec wrote, decoded as UTF-8.</summary>
/// <param name="Stdout">Standard output (or the terminal's output for a tty).</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="Truncated">More was written than the byte limit allowed; the beginning is kept.</param>
public sealed record ContainerOutput(string Stdout, string Stderr, bool Truncated)
{
    public static ContainerOutput Empty { get; } = new("", "", false);
}
