using System.Net;
using System.Net.Http.Headers;

namespace Alpy.Docker.Http;

/// <summary>
/// A request body written by a callback straight into the connection (chunked), so that a tar of an image or of
/// input files is never buffered whole in memory.
/// </summary>
internal sealed class StreamingContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> write;

    public StreamingContent(Func<Stream, CancellationToken, Task> write, string mediaType)
    {
        this.write = write;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        write(stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        write(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
