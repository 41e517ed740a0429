using System.Text;

namespace Alpy.Reports.Attachments;

/// <summary>
/// File names for evidence written to disk. Names come from the message stream, so they are never
/// trusted: no folders, no leading dot, only letters, digits, '.', '-' and '_', and a bounded length.
/// </summary>
internal static class SafeFileName
{
    private const int MaxLength = 80;

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.tcpdump.pcap"] = ".pcap",
        ["application/json"] = ".json",
        ["application/pdf"] = ".pdf",
        ["application/xml"] = ".xml",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/svg+xml"] = ".svg",
        ["text/plain"] = ".txt",
        ["text/html"] = ".html",
        ["text/x.cucumber.log+plain"] = ".log",
    };

    /// <summary>A name like "0007-link0.pcap" for the attacher's name (or the media type's extension).</summary>
    public static string For(int sequence, string? fileName, string mediaType)
    {
        var name = Clean(fileName);
        if (name.Length == 0)
        {
            name = "attachment" + Extensions.GetValueOrDefault(mediaType.Split(';')[0].Trim(), ".bin");
        }

        return $"{sequence:D4}-{name}";
    }

    private static string Clean(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "";
        }

        var last = fileName.Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0) ?? "";
        var builder = new StringBuilder(Math.Min(last.Length, MaxLength));
        foreach (var c in last)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var clean = builder.ToString().TrimStart('.');
        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            clean = extension.Length is > 0 and <= 10
                ? clean[..(MaxLength - extension.Length)] + extension
                : clean[..MaxLength];
        }

        return clean;
    }
}
