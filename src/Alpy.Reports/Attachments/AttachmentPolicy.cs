namespace Alpy.Reports.Attachments;

/// <summary>
/// When evidence leaves the page for a file in the run's artifact folder. Inline evidence is simplest
/// (one self-contained page), but every inline byte is held by the browser as base64 and JSON, so big
/// pcaps and logs make the page slow to open (figures in docs/reports.md). Above the limits:
/// binary evidence becomes a file the page links to (a download button), and text keeps a head and
/// tail excerpt inline plus a link to the whole file.
/// </summary>
public sealed record AttachmentPolicy
{
    /// <summary>Binary evidence (pcaps, images, PDFs) larger than this goes to a file. Default 256 KiB.</summary>
    public long InlineLimitBytes { get; init; } = 256 * 1024;

    /// <summary>Text evidence larger than this is shown as an excerpt with a link to the file. Default 256 KiB.</summary>
    public long InlineTextLimitBytes { get; init; } = 256 * 1024;

    /// <summary>Characters kept from each end of a long text. Default 32 Ki.</summary>
    public int TextExcerptChars { get; init; } = 32 * 1024;

    /// <summary>Folder for the files, relative to the run folder.</summary>
    public string Folder { get; init; } = "artifacts/attachments";

    public static AttachmentPolicy Default { get; } = new();

    /// <summary>Keeps everything inline (one self-contained page, whatever its size).</summary>
    public static AttachmentPolicy AllInline { get; } = new() { InlineLimitBytes = long.MaxValue, InlineTextLimitBytes = long.MaxValue };

    public void Validate()
    {
        if (InlineLimitBytes < 0 || InlineTextLimitBytes < 0)
        {
            throw new ArgumentException("Attachment inline limits must be zero or more bytes.", nameof(InlineLimitBytes));
        }

        if (TextExcerptChars < 256 || TextExcerptChars * 2L > Math.Max(InlineTextLimitBytes, 512))
        {
            throw new ArgumentException(
                $"TextExcerptChars is {TextExcerptChars}; it must be at least 256 and at most half of InlineTextLimitBytes ({InlineTextLimitBytes}).",
                nameof(TextExcerptChars));
        }

        if (string.IsNullOrWhiteSpace(Folder) || Path.IsPathRooted(Folder) || Folder.Split('/', '\\').Contains(".."))
        {
            throw new ArgumentException($"Folder '{Folder}' must be a relative path inside the run folder.", nameof(Folder));
        }
    }
}
