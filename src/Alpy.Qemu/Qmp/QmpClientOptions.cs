namespace Alpy.Qemu.Qmp;

/// <summary>How a <see cref="QmpClient"/> names itself in messages, how long it waits and how much it keeps.</summary>
public sealed record QmpClientOptions
{
    /// <summary>How messages name the peer, e.g. "QMP of QEMU alpy-1a2b".</summary>
    public string Name { get; init; } = "QMP";

    /// <summary>Timeout of a command or event wait that is given none. QMP answers in milliseconds.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest message accepted (query-qmp-schema answers are a few hundred KB).</summary>
    public int MaxMessageBytes { get; init; } = 16 << 20;

    /// <summary>How many recent events <see cref="QmpClient.RecentEvents"/> keeps.</summary>
    public int RecentEventCapacity { get; init; } = 256;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        if (DefaultTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultTimeout), DefaultTimeout, "The default timeout must be positive (e.g. 10 s).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 4096, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecentEventCapacity, 1, nameof(RecentEventCapacity));
    }
}
