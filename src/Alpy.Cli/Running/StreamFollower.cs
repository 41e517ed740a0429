using System.Text.Json;
using System.Text.Json.Nodes;
using Alpy.Reports.Messages;

namespace Alpy.Cli.Running;

/// <summary>
/// Follows a message stream while the runner is still writing it (like `tail -f`): yields each
/// complete line as an envelope, waits at a partial one, and stops once the writer has exited and
/// every line has been read. Lines that are not envelopes are skipped: progress is best-effort, the
/// report reads the finished file strictly.
/// </summary>
internal sealed class StreamFollower(string path, TimeSpan pollInterval)
{
    private const int MaxLineBytes = 64 * 1024 * 1024;

    public async IAsyncEnumerable<Envelope> FollowAsync(Func<bool> writerExited, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long position = 0;
        var pending = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var exited = writerExited();
            var length = File.Exists(path) ? new FileInfo(path).Length : 0;
            if (length < position)
            {
                position = 0; // The file was replaced: start over.
                pending.SetLength(0);
            }

            if (length > position)
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.Position = position;
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    position += read;
                    foreach (var envelope in Split(pending, buffer.AsSpan(0, read)))
                    {
                        yield return envelope;
                    }
                }
            }
            else if (exited)
            {
                yield break;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<Envelope> Split(MemoryStream pending, ReadOnlySpan<byte> chunk)
    {
        var envelopes = new List<Envelope>();
        while (chunk.Length > 0)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (pending.Length + chunk.Length <= MaxLineBytes)
                {
                    pending.Write(chunk);
                }

                break;
            }

            pending.Write(chunk[..newline]);
            chunk = chunk[(newline + 1)..];
            if (TryParse(pending.GetBuffer().AsSpan(0, (int)pending.Length)) is { } envelope)
            {
                envelopes.Add(envelope);
            }

            pending.SetLength(0);
        }

        return envelopes;
    }

    private static Envelope? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject { Count: 1 } obj && obj.First() is var (kind, value) && value is JsonObject message
                ? Detach(obj, kind, message)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Envelope Detach(JsonObject envelope, string kind, JsonObject message)
    {
        envelope.Remove(kind);
        return new Envelope(kind, message);
    }
}
