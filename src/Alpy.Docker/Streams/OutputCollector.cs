using System.Buffers;

namespace Alpy.Docker.Streams;

/// <summary>Reads a whole output stream into bounded stdout and stderr text.</summary>
internal static class OutputCollector
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<ContainerOutput> CollectAsync(MultiplexedStreamReader reader, int maxBytesPerStream, CancellationToken cancellationToken)
    {
        var stdout = new BoundedBuffer(maxBytesPerStream);
        var stderr = new BoundedBuffer(maxBytesPerStream);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                var (kind, count) = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                (kind is OutputStreamKind.Stdout or OutputStreamKind.Stdin ? stdout : stderr).Append(buffer.AsSpan(0, count));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new ContainerOutput(stdout.ToString(), stderr.ToString(), stdout.Truncated || stderr.Truncated);
    }
}
