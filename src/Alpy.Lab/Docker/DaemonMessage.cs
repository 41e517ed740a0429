using System.Text.Json;
using Docker.DotNet;

namespace Alpy.Lab.Docker;

/// <summary>What the daemon said when it refused a request: the "message" of its JSON answer, not Docker.DotNet's wrapping of it.</summary>
internal static class DaemonMessage
{
    public static string Of(DockerApiException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var body = e.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
            return $"{(int)e.StatusCode} {e.StatusCode} (no message)";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text)
                return text.Trim();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): the body as it is tells more than nothing.
        }
        return body;
    }
}
