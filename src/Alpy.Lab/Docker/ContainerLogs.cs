using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Docker;

/// <summary>A container's logs (its stdout and stderr since it started), read through Docker.DotNet's <see cref="MultiplexedStream"/>.</summary>
internal static class ContainerLogs
{
    /// <summary>What the container wrote so far.</summary>
    public static Task<ContainerOutput> ReadAsync(IDockerClient docker, string id, CancellationToken cancellationToken) =>
        docker.CallAsync(async token =>
        {
            using var stream = await docker.Containers.GetContainerLogsAsync(id, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, token)
                .ConfigureAwait(false);
            var output = new OutputReader();
            await output.ReadToEndAsync(stream, token).ConfigureAwait(false);
            return output.Output;
        }, cancellationToken);

    /// <summary>
    /// What the container writes, stdout and stderr alike, as text as it comes, until it exits. Unbounded in time: the caller's
    /// token bounds it (cancellation closes the stream).
    /// </summary>
    public static async IAsyncEnumerable<string> FollowAsync(IDockerClient docker, string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await docker.CallAsync(token => docker.Containers.GetContainerLogsAsync(id,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = true }, token), cancellationToken).ConfigureAwait(false);
        using (stream)
        {
            using var abort = cancellationToken.Register(stream.Dispose);
            var bytes = ArrayPool<byte>.Shared.Rent(4096);
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(4096));
            // One decoder for both streams: a character split across frames is joined again.
            var decoder = Encoding.UTF8.GetDecoder();
            try
            {
                while (true)
                {
                    MultiplexedStream.ReadResult read;
                    try
                    {
                        read = await stream.ReadOutputAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
                    {
                        throw new OperationCanceledException("Following the logs was cut short.", e, cancellationToken);
                    }
                    catch (Exception e) when (DockerUnavailableException.Explain(docker.Options.Endpoint, e, Timeout.InfiniteTimeSpan, cancellationToken) is { } gone)
                    {
                        throw gone;
                    }
                    if (read.EOF)
                        yield break;
                    yield return new string(chars, 0, decoder.GetChars(bytes, 0, read.Count, chars, 0));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }
}
