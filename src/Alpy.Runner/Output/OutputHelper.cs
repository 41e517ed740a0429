using System.Globalization;

namespace Alpy.Runner.Output;

/// <summary>The <see cref="IReqnrollOutputHelper"/> of one scope (scenario, feature hooks or test-run hooks).</summary>
internal sealed class OutputHelper(IOutputTarget target) : IReqnrollOutputHelper
{
    public void WriteLine(string message) => target.Attach(new AttachmentData(AttachmentData.LogMediaType, message ?? string.Empty, null, null));

    public void WriteLine(string format, params object?[] args) => WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));

    public void AddAttachment(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var info = new FileInfo(filePath);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Cannot attach \"{filePath}\": the file does not exist (working directory: {Environment.CurrentDirectory}).", filePath);
        }

        CheckSize(info.Length, filePath);
        target.Attach(new AttachmentData(MediaTypes.FromPath(filePath), null, File.ReadAllBytes(filePath), info.Name));
    }

    public void AddAttachment(byte[] content, string mediaType, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        CheckSize(content.LongLength, fileName ?? mediaType);
        target.Attach(new AttachmentData(mediaType, null, content, fileName));
    }

    public void AttachText(string text, string mediaType = "text/plain", string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        CheckSize(text.Length * 2L, fileName ?? mediaType);
        target.Attach(new AttachmentData(mediaType, text, null, fileName));
    }

    public void AttachLink(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        target.Attach(new AttachmentData("text/uri-list", url, null, null));
    }

    private static void CheckSize(long bytes, string what)
    {
        if (bytes > AttachmentData.MaxBytes)
        {
            throw new ArgumentException($"Cannot attach {what}: {bytes / (1024 * 1024)} MiB is more than the {AttachmentData.MaxBytes / (1024 * 1024)} MiB an attachment may hold. Attach an excerpt, or compress it.");
        }
    }
}
