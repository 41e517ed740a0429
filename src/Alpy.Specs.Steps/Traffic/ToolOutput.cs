using System.Globalization;
using System.Text.Json;

namespace Alpy.Specs.Steps.Traffic;

/// <summary>Reads what the traffic tools print: replies, HTTP responses, server receipts, iperf3's JSON.</summary>
public static class ToolOutput
{
    /// <summary>The reply line alpy-ask printed, or null.</summary>
    public static string? Reply(string stderr) =>
        Lines(stderr).Where(l => l.StartsWith("alpy-reply ", StringComparison.Ordinal)).Select(l => l["alpy-reply ".Length..]).FirstOrDefault();

    /// <summary>
    /// How iputils' ping ended: replies (exit code 0), an ICMP error it printed ("From 192.168.0.1 icmp_seq=1
    /// Destination Port Unreachable", "Time to live exceeded"), the kernel refusing to send ("Network is
    /// unreachable"), or nothing at all within the wait.
    /// </summary>
    public static TrafficOutcome Ping(long exitCode, string stdout, string stderr)
    {
        if (exitCode == 0)
            return TrafficOutcome.Succeeded;
        var output = (stdout ?? "") + "\n" + (stderr ?? "");
        if (output.Contains("Port Unreachable", StringComparison.Ordinal))
            return TrafficOutcome.Refused;
        if (output.Contains("nreachable", StringComparison.Ordinal) || output.Contains("Packet filtered", StringComparison.Ordinal))
            return TrafficOutcome.Unreachable;
        if (output.Contains(" errors,", StringComparison.Ordinal) || output.Contains("exceeded", StringComparison.Ordinal))
            return TrafficOutcome.Failed;
        return TrafficOutcome.TimedOut;
    }

    /// <summary>One response per request alpy-http-get made.</summary>
    public static IReadOnlyList<HttpResponse> Responses(string stdout) =>
        [.. Lines(stdout).Where(l => l.StartsWith("alpy-response ", StringComparison.Ordinal)).Select(l =>
        {
            var rest = l["alpy-response ".Length..];
            return rest.StartsWith("ok ", StringComparison.Ordinal) || rest == "ok"
                ? new HttpResponse(TrafficOutcome.Succeeded, rest.Length > 3 ? rest[3..] : "")
                : new HttpResponse(TrafficOutcomes.FromToolOutput(1, rest), rest.StartsWith("failed ", StringComparison.Ordinal) ? rest[7..] : rest);
        })];

    /// <summary>What an echo server received: one (sender, port, message) per line of "alpy-received ADDRESS PORT MESSAGE".</summary>
    public static IReadOnlyList<Receipt> Receipts(string stderr) =>
        [.. Lines(stderr).Where(l => l.StartsWith("alpy-received ", StringComparison.Ordinal)).Select(l =>
        {
            var parts = l.Split(' ', 4);
            return new Receipt(parts.Length > 1 ? Sender(parts[1]) : "?", parts.Length > 2 ? parts[2] : "?", parts.Length > 3 ? parts[3] : "");
        })];

    /// <summary>
    /// A sender as the steps write it. A dual-stack server (an IPv6 socket that takes IPv4 too) sees an IPv4 peer as
    /// ::ffff:192.168.0.2, and socat writes IPv6 peers in brackets; both are shown as the plain address.
    /// </summary>
    private static string Sender(string text) =>
        System.Net.IPAddress.TryParse(text.Trim('[', ']'), out var address)
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : text;

    /// <summary>The receiver's throughput from iperf3 -J, or the error iperf3 reported.</summary>
    /// <exception cref="FormatException">The output is not iperf3's JSON; the message quotes its start.</exception>
    public static (double? BitsPerSecond, string? Error) Throughput(string stdout)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            var root = json.RootElement;
            if (root.TryGetProperty("error", out var error))
                return (null, error.GetString());
            var received = root.GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble();
            return (received, null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var start = stdout.Length > 200 ? stdout[..200] + "…" : stdout;
            throw new FormatException($"iperf3 printed no result ({e.Message}): {start}", e);
        }
    }

    private static IEnumerable<string> Lines(string text) => (text ?? "").Split('\n').Select(l => l.TrimEnd('\r'));
}

/// <summary>A message a server received, with its sender as the server saw it.</summary>
public sealed record Receipt(string From, string Port, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"\"{Message}\" from {From} port {Port}");
}
