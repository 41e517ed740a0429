namespace Alpy.Docker;

/// <summary>Which stream a piece of container output belongs to (the first byte of a multiplexed frame header).</summary>
public enum OutputStreamKind
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,

    /// <summary>Errors of the daemon itself, sent in-band by newer daemons.</summary>
    SystemError = 3,
}
