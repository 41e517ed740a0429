using System.Buffers.Binary;
using System.Text;

namespace Alpy.Docker.Tests.Fakes;

/// <summary>Builds Docker's multiplexed output: an 8-byte header per frame, then the payload.</summary>
internal static class Frames
{
    public static byte[] Of(params (OutputStreamKind Kind, string Text)[] frames) =>
        frames.SelectMany(frame => Frame(frame.Kind, Encoding.UTF8.GetBytes(frame.Text))).ToArray();

    public static byte[] Frame(OutputStreamKind kind, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = (byte)kind;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }
}
