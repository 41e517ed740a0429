namespace Alpy.Reports.Model;

/// <summary>
/// Evidence attached to a scenario, step or test-run hook (console excerpt, pcap, container log...).
/// The body itself stays in the stream; this is what summaries need.
/// </summary>
/// <param name="MediaType">e.g. text/plain, application/vnd.tcpdump.pcap.</param>
/// <param name="FileName">The name the attacher gave, if any.</param>
/// <param name="SizeBytes">Decoded size, when known.</param>
/// <param name="Url">Where the file is, relative to the run folder, when it lives outside the stream.</param>
public sealed record AttachmentInfo(string MediaType, string? FileName, long? SizeBytes, string? Url)
{
    /// <summary>"link0.pcap (application/vnd.tcpdump.pcap, 1.2 MiB) → artifacts/attachments/0003-link0.pcap".</summary>
    public string Describe()
    {
        var name = FileName ?? "attachment";
        var size = SizeBytes is { } bytes ? $", {ByteSize.Format(bytes)}" : "";
        var where = Url is null ? "" : $" → {Url}";
        return $"{name} ({MediaType}{size}){where}";
    }
}
