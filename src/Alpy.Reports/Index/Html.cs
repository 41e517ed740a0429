using System.Globalization;
using System.Net;
using System.Text;

namespace Alpy.Reports.Index;

/// <summary>Small helpers for the hand-written index pages; every value goes through <see cref="E"/>.</summary>
internal static class Html
{
    /// <summary>HTML-encodes text for element content and quoted attributes.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An href for a path relative to the page, each segment percent-encoded.</summary>
    public static string Href(string relativePath) =>
        E(string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(s => s is "." or ".." ? s : Uri.EscapeDataString(s))));

    public static string Duration(TimeSpan? duration) => duration is not { } d ? "–"
        : d.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min {d.Seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.00} s");

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "–";

    public static StringBuilder Page(string title) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

    public static string EndPage => "</body>\n</html>\n";

    private const string Style = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #1f2328; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
        .meta { color: #59636e; } .meta span + span::before { content: " · "; }
        .badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; color: #fff; font-size: 14px; vertical-align: middle; }
        .passed { background: #1a7f37; } .failed { background: #cf222e; } .incomplete { background: #9a6700; }
        .closing { font-size: 22px; font-weight: 600; margin: 16px 0; }
        .problems { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: 8px 16px 8px 32px; color: #82071e; }
        .links a { display: inline-block; margin: 0 12px 8px 0; padding: 8px 14px; border: 1px solid #d0d7de; border-radius: 6px; text-decoration: none; color: #0969da; background: #f6f8fa; }
        .links a:hover { background: #eaeef2; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
        th { color: #59636e; font-weight: 600; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        code { font: 13px ui-monospace, monospace; } .none { color: #59636e; font-style: italic; }
        .s-passed { color: #1a7f37; } .s-failed, .s-ambiguous, .s-undefined, .s-pending { color: #cf222e; } .s-skipped, .s-not-run { color: #9a6700; }
        """;
}
