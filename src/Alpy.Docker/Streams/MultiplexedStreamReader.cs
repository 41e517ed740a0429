using System.Buffers.Binary;

namespace Alpy.Docker.Streams;

/// <summary>
/// Reads Docker's output stream: without a tty every frame is an 8-byte header (stream kind, three zero bytes,
/// big-endian payload length) followed by the payload; with a tty the stream is raw. Headers and payloads may
/// arrive split across any number of reads; large frames are handed out in buffer-sized pieces.
/// </summary>
internal sealed class MultiplexedStreamReader
{
    private const int HeaderLength = 8;

    private readonly Stream stream;
    private readonly bool multiplexed;
    private readonly byte[] header = new byte[HeaderLength];
    private OutputStreamKind current;
    private int remaining;

    public MultiplexedStreamReader(Stream stream, bool multiplexed)
    {
        this.stream = stream;
        this.multiplexed = multiplexed;
    }

    /// <summary>Reads the next piece of output into <paramref name="buffer"/>; a count of 0 means the stream ended.</summary>
    /// <exception cref="DockerException">The stream ended inside a frame or is not a multiplexed stream.</exception>
    public async ValueTask<(OutputStreamKind Stream, int Count)> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer must not be empty.", nameof(buffer));
        }

        if (!multiplexed)
        {
            return (OutputStreamKind.Stdout, await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }

        while (remaining == 0)
        {
            if (!await ReadHeaderAsync(cancellationToken).ConfigureAwait(false))
            {
                return (OutputStreamKind.Stdout, 0);
            }
        }

        var count = await stream.ReadAsync(buffer[..Math.Min(buffer.Length, remaining)], cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            throw new DockerException($"The daemon's output stream ended {remaining} bytes before the end of a {current} frame.");
        }

        remaining -= count;
        return (current, count);
    }

    private async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < HeaderLength)
        {
            var count = await stream.ReadAsync(header.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return filled == 0
                    ? false
                    : throw new DockerException($"The daemon's output stream ended inside a frame header ({filled} of {HeaderLength} bytes).");
            }

            filled += count;
        }

        if (header[0] > (byte)OutputStreamKind.SystemError || header[1] != 0 || header[2] != 0 || header[3] != 0)
        {
            throw new DockerException(
                $"The daemon's output is not a multiplexed stream (header {Convert.ToHexString(header)}). "
                + "If the container or exec was created with Tty, read it with Tty set.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        if (length > int.MaxValue)
        {
            throw new DockerException($"The daemon sent an output frame of {length} bytes, more than this client accepts.");
        }

        current = (OutputStreamKind)header[0];
        remaining = (int)length;
        return true;
    }
}
