using System.Buffers;
using System.Text;

namespace Alpy.Docker.Streams;

/// <summary>Keeps the first bytes written to it, up to a limit, and remembers whether more came.</summary>
internal sealed class BoundedBuffer
{
    private readonly int limit;
    private readonly ArrayBufferWriter<byte> bytes = new();

    public BoundedBuffer(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        this.limit = limit;
    }

    public bool Truncated { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        var room = limit - bytes.WrittenCount;
        if (data.Length > room)
        {
            Truncated = true;
            data = data[..room];
        }

        bytes.Write(data);
    }

    public override string ToString() => Encoding.UTF8.GetString(bytes.WrittenSpan);
}
