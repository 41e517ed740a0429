using System.Text;
using System.Text.Json;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Tests.Messages;

/// <summary>A message's line two ways: as the message file writes it, and as the source-generated serializer does.</summary>
internal static class StreamLines
{
    public static string Written(Envelope envelope)
    {
        var file = new MemoryStream();
        using (var writer = new MessageStreamWriter(file))
        {
            writer.Write(envelope);
        }

        // A closed MemoryStream still hands out its bytes.
        return Encoding.UTF8.GetString(file.ToArray());
    }

    public static string Serialized(Envelope envelope) => JsonSerializer.Serialize(envelope, MessageJsonContext.Stream.Envelope) + "\n";
}
