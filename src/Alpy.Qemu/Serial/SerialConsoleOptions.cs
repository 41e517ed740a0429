namespace Alpy.Qemu.Serial;

/// <summary>How a <see cref="SerialConsole"/> logs, waits and frames commands. Immutable; checked by
/// <see cref="Validate"/> when a console is attached.</summary>
public sealed record SerialConsoleOptions
{
    /// <summary>How messages name this console, e.g. "console of QEMU alpy-1a2b".</summary>
    public string Name { get; init; } = "serial console";

    /// <summary>File that receives every byte the console prints, unchanged; null for none.</summary>
    public string? RawLogPath { get; init; }

    /// <summary>File that receives the escaped text form (one line per line, control bytes visible); null for none.</summary>
    public string? TextLogPath { get; init; }

    /// <summary>Timeout of a wait or command that is given none. Short on purpose: a wait that hangs helps nobody.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many console lines failure messages quote.</summary>
    public int TailLines { get; init; } = 25;

    /// <summary>Unconsumed output kept for waits; older bytes are dropped beyond this.</summary>
    public int BufferCapacity { get; init; } = 1 << 20;

    /// <summary>
    /// Longest line <see cref="SerialConsole.RunAsync"/> may type, framing included. Busybox's line editor reads
    /// at most 1023 characters per line (and cuts the rest silently), hence the default.
    /// </summary>
    public int MaxLineLength { get; init; } = 1000;

    /// <summary>The shell's prompt; when set, <see cref="SerialConsole.RunAsync"/> returns only once the prompt is
    /// back, so that the next command is typed into a ready shell.</summary>
    public string? Prompt { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        if (DefaultTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTimeout), DefaultTimeout, "The default timeout must be positive (e.g. 10 s).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(TailLines, 1, nameof(TailLines));
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferCapacity, 4096, nameof(BufferCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 80, nameof(MaxLineLength));
        if (Prompt is { Length: 0 })
        {
            throw new ArgumentException("The prompt is empty; leave it null when the shell's prompt is unknown.", nameof(Prompt));
        }
    }
}
