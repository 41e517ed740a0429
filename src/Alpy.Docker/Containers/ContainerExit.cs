namespace Alpy.Docker;

/// <summary>How a container ended, as the wait endpoint reports it.</summary>
/// <param name="StatusCode">The exit code of the container's main process (128+N when killed by signal N).</param>
/// <param name="Error">The daemon's error while waiting, if any.</param>
public sealed record ContainerExit(long StatusCode, ContainerWaitError? Error);

/// <summary>An error the daemon reports in a wait answer.</summary>
public sealed record ContainerWaitError(string? Message);
