namespace Alpy.Runner.Output;

/// <summary>Media types of attached files by extension.</summary>
internal static class MediaTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".log"] = "text/plain",
        [".json"] = "application/json",
        [".ndjson"] = "application/x-ndjson",
        [".xml"] = "application/xml",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".csv"] = "text/csv",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
        [".pcap"] = "application/vnd.tcpdump.pcap",
        [".pcapng"] = "application/x-pcapng",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
    };

    public static string FromPath(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";
}
