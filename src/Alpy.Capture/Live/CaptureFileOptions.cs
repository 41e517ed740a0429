namespace Alpy.Capture;

/// <summary>How a <see cref="CaptureFile"/> reads and waits. Defaults suit a lab link written by QEMU's filter-dump.</summary>
public sealed record CaptureFileOptions
{
    public static CaptureFileOptions Default { get; } = new();

    /// <summary>Names the capture in messages ("link 1"); defaults to the file name.</summary>
    public string? Name { get; init; }

    /// <summary>How long the wait helpers wait when no timeout is given. Default 5 s: QEMU appends frames within milliseconds.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the wait helpers look for new frames. Default 10 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Largest number of frame bytes one window may hold in memory. Default 64 MiB.</summary>
    public long MaxWindowBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The clock of marks and timeouts (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (DefaultTimeout <= TimeSpan.Zero || DefaultTimeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"CaptureFileOptions.DefaultTimeout is {DefaultTimeout}; it must be more than zero and at most an hour.", nameof(DefaultTimeout));
        }

        if (PollInterval < TimeSpan.FromMilliseconds(1) || PollInterval > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentException($"CaptureFileOptions.PollInterval is {PollInterval}; it must be 1 ms to 10 s.", nameof(PollInterval));
        }

        if (MaxWindowBytes < 4096)
        {
            throw new ArgumentException($"CaptureFileOptions.MaxWindowBytes is {MaxWindowBytes}; it must be at least 4096.", nameof(MaxWindowBytes));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
