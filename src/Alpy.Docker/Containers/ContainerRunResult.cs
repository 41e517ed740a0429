namespace Alpy.Docker;

/// <summary>How a container run to completion ended and what it wrote.</summary>
/// <param name="ContainerId">The (now removed) container's id, for logs.</param>
/// <param name="ExitCode">The exit code of its main process.</param>
/// <param name="Output">What it wrote.</param>
/// <param name="Duration">From create to exit.</param>
public sealed record ContainerRunResult(string ContainerId, long ExitCode, ContainerOutput Output, TimeSpan Duration)
{
    public string Stdout => Output.Stdout;

    public string Stderr => Output.Stderr;
}
