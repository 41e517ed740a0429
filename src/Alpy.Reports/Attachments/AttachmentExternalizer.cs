using System.Text;
using Alpy.Reports.Messages;
using Io.Cucumber.Messages.Types;
using Exception = System.Exception;
using Envelope = Io.Cucumber.Messages.Types.Envelope;

namespace Alpy.Reports.Attachments;

/// <summary>
/// Moves large evidence out of the page into the run's artifact folder, following
/// <see cref="AttachmentPolicy"/>, and rewrites the attachment to point at the file with the protocol's
/// own <c>url</c> field (which exists for exactly this: a program that reads a stream, stores the body
/// elsewhere and replaces it with a URL). Also gathers files that attachments already point at, so the
/// run folder holds everything its report links to.
/// </summary>
internal sealed class AttachmentExternalizer
{
    private readonly string _runDirectory;
    private readonly AttachmentPolicy _policy;
    private readonly List<string> _warnings = [];
    private readonly List<string> _written = [];
    private int _sequence;

    public AttachmentExternalizer(string runDirectory, AttachmentPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        _runDirectory = Path.GetFullPath(runDirectory);
        _policy = policy;
    }

    /// <summary>Files written to the artifact folder.</summary>
    public int FilesWritten => _written.Count;

    /// <summary>Evidence that could not be gathered (a missing file, a file outside the report folders).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// Returns what to publish instead of <paramref name="envelope"/>: itself, changed or not, a link to
    /// the whole file for a shortened text, and the size of evidence that left the page.
    /// </summary>
    /// <param name="envelope">Any envelope, with its line for warnings; only attachments are touched.</param>
    /// <param name="streamDirectory">The folder of the stream it came from, against which relative URLs resolve.</param>
    /// <param name="cancellationToken">Stops writing files.</param>
    public async Task<Externalized> ProcessAsync(StreamEnvelope envelope, string streamDirectory, CancellationToken cancellationToken = default)
    {
        if (envelope.Envelope.Attachment is not { } attachment)
        {
            return new(envelope.Envelope);
        }

        var body = attachment.Body ?? "";
        if (body.Length == 0 && attachment.Url is { Length: > 0 } url)
        {
            return Gather(attachment, url, streamDirectory, envelope.Line) is { } gathered ? gathered : new(envelope.Envelope);
        }

        var mediaType = attachment.MediaType;
        var base64 = attachment.ContentEncoding == AttachmentContentEncoding.BASE64;
        var size = base64 ? body.Length * 3L / 4 : body.Length;
        if (IsText(mediaType))
        {
            if (size <= _policy.InlineTextLimitBytes || mediaType == "text/uri-list")
            {
                return new(envelope.Envelope);
            }

            return await ShortenTextAsync(attachment, base64, envelope.Line, cancellationToken).ConfigureAwait(false) ?? new(envelope.Envelope);
        }

        if (size <= _policy.InlineLimitBytes)
        {
            return new(envelope.Envelope);
        }

        var bytes = base64 ? DecodeBase64(body, envelope.Line) : Encoding.UTF8.GetBytes(body);
        if (bytes is null)
        {
            return new(envelope.Envelope);
        }

        var relative = await WriteFileAsync(bytes, attachment.FileName, mediaType, cancellationToken).ConfigureAwait(false);
        return new(Envelope.Create(Copy(attachment, body: "", encoding: AttachmentContentEncoding.IDENTITY, url: relative)), null, bytes.LongLength);
    }

    /// <summary>Removes the files written so far: a report that failed must not leave half its evidence behind.</summary>
    public void DeleteWritten()
    {
        foreach (var file in _written)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _warnings.Add($"Could not remove {file} after the report failed: {e.Message}");
            }
        }

        _written.Clear();
    }

    private static bool IsText(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Externalized?> ShortenTextAsync(Attachment attachment, bool base64, int line, CancellationToken cancellationToken)
    {
        var body = attachment.Body;
        var bytes = base64 ? DecodeBase64(body, line) : Encoding.UTF8.GetBytes(body);
        if (bytes is null)
        {
            return null;
        }

        var relative = await WriteFileAsync(bytes, attachment.FileName, attachment.MediaType, cancellationToken).ConfigureAwait(false);
        var text = base64 ? Encoding.UTF8.GetString(bytes) : body;
        var keep = Math.Min(_policy.TextExcerptChars, text.Length / 2);
        var excerpt = string.Concat(
            text.AsSpan(0, keep),
            $"\n\n[… {ByteSizeOf(bytes.LongLength)} in all; the middle is not shown here. Whole text: {relative} …]\n\n",
            text.AsSpan(text.Length - keep));

        // The React report fetches a text attachment's url, which browsers refuse for file:// pages,
        // so the whole file is offered as a link (text/uri-list renders as one) next to the excerpt.
        var link = Copy(attachment, body: relative, encoding: AttachmentContentEncoding.IDENTITY, url: null,
            mediaType: "text/uri-list", fileName: (attachment.FileName ?? "text") + " (whole file)");
        return new(Envelope.Create(Copy(attachment, body: excerpt, encoding: AttachmentContentEncoding.IDENTITY, url: attachment.Url)), Envelope.Create(link), bytes.LongLength);
    }

    private Externalized? Gather(Attachment attachment, string url, string streamDirectory, int line)
    {
        if (LocalPath(url, streamDirectory) is not { } source)
        {
            return null; // http(s) and other URLs stay as they are.
        }

        if (!File.Exists(source))
        {
            _warnings.Add($"Attachment at line {line} points to {source}, which does not exist; its link in the report is broken.");
            return null;
        }

        var full = Path.GetFullPath(source);
        var streamRoot = Path.GetFullPath(streamDirectory);
        string relative;
        if (IsUnder(full, _runDirectory))
        {
            relative = Path.GetRelativePath(_runDirectory, full);
        }
        else if (IsUnder(full, streamRoot))
        {
            relative = Path.Combine(_policy.Folder, SafeFileName.For(++_sequence, Path.GetFileName(full), attachment.MediaType));
            var target = Path.Combine(_runDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(full, target, overwrite: true);
            _written.Add(target);
        }
        else
        {
            // Copying any path a stream names would let a stream publish any readable file.
            _warnings.Add($"Attachment at line {line} points to {full}, outside the stream's folder and the run folder; it was not copied into the report.");
            return null;
        }

        var moved = Copy(attachment, body: attachment.Body, encoding: attachment.ContentEncoding, url: ToUrl(relative));
        return new(Envelope.Create(moved), null, new FileInfo(full).Length);
    }

    // Cucumber.Messages' types are immutable: a changed attachment is a copy with the changes.
    private static Attachment Copy(Attachment a, string? body, AttachmentContentEncoding encoding, string? url, string? mediaType = null, string? fileName = null) =>
        new(body, encoding, fileName ?? a.FileName, mediaType ?? a.MediaType, a.Source, a.TestCaseStartedId, a.TestStepId, url,
            a.TestRunStartedId, a.TestRunHookStartedId, a.Timestamp);

    private static string? LocalPath(string url, string streamDirectory)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            return absolute.IsFile ? absolute.LocalPath : null;
        }

        return Path.Combine(streamDirectory, Uri.UnescapeDataString(url));
    }

    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private async Task<string> WriteFileAsync(byte[] bytes, string? fileName, string mediaType, CancellationToken cancellationToken)
    {
        var relative = Path.Combine(_policy.Folder, SafeFileName.For(++_sequence, fileName, mediaType));
        var target = Path.Combine(_runDirectory, relative);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw IO.ReportFolder.NotWritable(Path.GetDirectoryName(target)!, e);
        }

        _written.Add(target);
        return ToUrl(relative);
    }

    private byte[]? DecodeBase64(string body, int line)
    {
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            _warnings.Add($"Attachment at line {line} says BASE64 but its body is not base64; it stays inline as it is.");
            return null;
        }
    }

    private static string ToUrl(string relative) =>
        string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    private static string ByteSizeOf(long bytes) => Model.ByteSize.Format(bytes);
}
