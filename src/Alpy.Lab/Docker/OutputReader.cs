using System.Buffers;
using System.Text;
using Docker.DotNet;

namespace Alpy.Lab.Docker;

/// <summary>
/// Reads a container's output from Docker.DotNet's <see cref="MultiplexedStream"/> (attach, logs, exec), keeping stdout and stderr
/// apart and each bounded, so that a chatty app cannot exhaust the host's memory. What was read so far stays available when the
/// read is cut short (an app that overran its timeout).
/// </summary>
internal sealed class OutputReader(int maxBytesPerStream = OutputReader.MaxBytesPerStream)
{
    /// <summary>Bytes kept per stream by default; the rest is dropped and the output marked truncated.</summary>
    public const int MaxBytesPerStream = 16 * 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly ArrayBufferWriter<byte> _stderr = new();
    private bool _truncated;

    /// <summary>What was read so far (all of it once <see cref="ReadToEndAsync"/> completed).</summary>
    public ContainerOutput Output => new(Text(_stdout), Text(_stderr), _truncated);

    /// <summary>Reads until the stream ends (the container exited, the command ended). Cancellation closes the stream.</summary>
    public async Task ReadToEndAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        // A read blocked on the socket is not always woken by its token; closing the stream always wakes it.
        using var abort = cancellationToken.Register(stream.Dispose);
        try
        {
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read.EOF)
                    return;
                Append(read.Target == MultiplexedStream.TargetStream.StandardError ? _stderr : _stdout, buffer.AsSpan(0, read.Count));
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The read was cut short.", e, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Append(ArrayBufferWriter<byte> target, ReadOnlySpan<byte> bytes)
    {
        var room = maxBytesPerStream - target.WrittenCount;
        if (bytes.Length > room)
            _truncated = true;
        target.Write(bytes[..Math.Min(bytes.Length, room)]);
    }

    private static string Text(ArrayBufferWriter<byte> bytes) => Encoding.UTF8.GetString(bytes.WrittenSpan);
}
