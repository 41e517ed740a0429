namespace Alpy.Lab.Apps;

/// <summary>How an app container ended: its exit code is the scenario's verdict.</summary>
/// <param name="ContainerName">The container's name (its log is saved in the run folder under this name).</param>
/// <param name="Argv">The command it ran.</param>
/// <param name="ExitCode">The exit code of its command.</param>
/// <param name="Stdout">What it wrote to stdout.</param>
/// <param name="Stderr">What it wrote to stderr.</param>
/// <param name="Duration">From create to exit.</param>
public sealed record AppResult(string ContainerName, IReadOnlyList<string> Argv, long ExitCode, string Stdout, string Stderr, TimeSpan Duration)
{
    /// <summary>True when the command exited 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
