namespace Alpy.Docker;

/// <summary>What a wait waits for.</summary>
public enum WaitCondition
{
    /// <summary>The container is not running: answers at once for a container that has exited or never started.</summary>
    NotRunning,

    /// <summary>The next exit, even of a container not started yet: register it before start to never miss a fast exit.</summary>
    NextExit,

    /// <summary>The container is removed (for auto-removed containers).</summary>
    Removed,
}
