namespace Alpy.Docker;

/// <summary>How a command run with <see cref="ExecOperations.RunAsync"/> ended and what it wrote.</summary>
public sealed record ExecResult(long ExitCode, ContainerOutput Output, TimeSpan Duration)
{
    public string Stdout => Output.Stdout;

    public string Stderr => Output.Stderr;
}
