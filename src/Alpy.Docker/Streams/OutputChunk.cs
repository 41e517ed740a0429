using System.Text;

namespace Alpy.Docker;

/// <summary>A piece of output as it arrives while following a container's logs.</summary>
/// <param name="Stream">Where the container wrote it.</param>
/// <param name="Data">The bytes; a multi-byte character can be split across chunks.</param>
public sealed record OutputChunk(OutputStreamKind Stream, ReadOnlyMemory<byte> Data)
{
    /// <summary>The bytes decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);
}
