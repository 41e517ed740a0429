namespace Alpy.Capture;

/// <summary>Limits and mode of a <see cref="CaptureReader"/>. Every limit bounds memory whatever the file says.</summary>
public sealed record CaptureReaderOptions
{
    /// <summary>The defaults: strict reading of a complete file.</summary>
    public static CaptureReaderOptions Default { get; } = new();

    /// <summary>
    /// Largest captured length accepted for one frame, whatever the file's snap length says; longer records are
    /// reported as corrupt. Default 262144, libpcap's own maximum.
    /// </summary>
    public int MaxFrameLength { get; init; } = 262_144;

    /// <summary>Largest pcapng block accepted (of any type). Default 16 MiB.</summary>
    public int MaxBlockLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest number of interfaces one pcapng section may describe. Default 4096.</summary>
    public int MaxInterfaces { get; init; } = 4096;

    /// <summary>Bytes read from the stream at a time. Default 256 KiB; grows only as far as one record needs.</summary>
    public int BufferSize { get; init; } = 256 * 1024;

    /// <summary>
    /// The file is still being written (QEMU's filter-dump, tcpdump -U): an incomplete record at the end means
    /// "not written yet", so reading stops before it and resumes there once more bytes arrive. When false
    /// (the default) an incomplete last record is reported as truncation.
    /// </summary>
    public bool Follow { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range value.</summary>
    public void Validate()
    {
        Require(MaxFrameLength is >= 64 and <= 64 * 1024 * 1024, nameof(MaxFrameLength), MaxFrameLength, "64 B to 64 MiB");
        Require(MaxBlockLength is >= 64 and <= 1024 * 1024 * 1024, nameof(MaxBlockLength), MaxBlockLength, "64 B to 1 GiB");
        Require(MaxInterfaces is >= 1 and <= 1_000_000, nameof(MaxInterfaces), MaxInterfaces, "1 to 1000000");
        Require(BufferSize is >= 4096 and <= 64 * 1024 * 1024, nameof(BufferSize), BufferSize, "4 KiB to 64 MiB");
    }

    private static void Require(bool ok, string name, int value, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"CaptureReaderOptions.{name} is {value}; it must be {range}.", name);
        }
    }
}
