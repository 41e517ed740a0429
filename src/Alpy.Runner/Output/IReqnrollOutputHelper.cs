namespace Alpy.Runner;

/// <summary>
/// Writes to the scenario's output and attaches evidence. Everything reaches both the xUnit v3
/// test result (output and attachments) and the Cucumber Messages stream (<c>attachment</c>
/// messages), so living documentation shows what the test saw. Inject it by constructor.
/// </summary>
public interface IReqnrollOutputHelper
{
    /// <summary>A line of log text (a <c>text/x.cucumber.log+plain</c> attachment).</summary>
    void WriteLine(string message);

    /// <summary>A formatted line of log text.</summary>
    void WriteLine(string format, params object?[] args);

    /// <summary>Attaches a file's content; the media type comes from its extension.</summary>
    void AddAttachment(string filePath);

    /// <summary>Attaches bytes with a media type and an optional file name for downloads.</summary>
    void AddAttachment(byte[] content, string mediaType, string? fileName = null);

    /// <summary>Attaches text as it is (e.g. a console excerpt as <c>text/plain</c>, JSON as <c>application/json</c>).</summary>
    void AttachText(string text, string mediaType = "text/plain", string? fileName = null);

    /// <summary>Attaches a link (a <c>text/uri-list</c> attachment).</summary>
    void AttachLink(string url);
}
