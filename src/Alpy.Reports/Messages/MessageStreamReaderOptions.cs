namespace Alpy.Reports.Messages;

/// <summary>Limits that keep a hostile or broken stream from exhausting memory.</summary>
public sealed record MessageStreamReaderOptions
{
    /// <summary>Default limit of one message: big enough for a base64 pcap of ~190 MB.</summary>
    public const int DefaultMaxMessageBytes = 256 * 1024 * 1024;

    /// <summary>The longest line (one message) accepted; a longer one is an error, not an allocation.</summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>Deepest JSON nesting accepted (Gherkin documents nest about a dozen levels).</summary>
    public int MaxDepth { get; init; } = 128;

    public static MessageStreamReaderOptions Default { get; } = new();

    public void Validate()
    {
        if (MaxMessageBytes < 1024)
        {
            throw new ArgumentException($"MaxMessageBytes is {MaxMessageBytes}; it must be at least 1024 bytes.", nameof(MaxMessageBytes));
        }

        if (MaxDepth is < 16 or > 1000)
        {
            throw new ArgumentException($"MaxDepth is {MaxDepth}; it must be between 16 and 1000.", nameof(MaxDepth));
        }
    }
}
