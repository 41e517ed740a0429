using Alpy.Reports.IO;

namespace Alpy.Reports.Messages;

/// <summary>Writes envelopes as an NDJSON stream that appears at its path only when complete.</summary>
internal sealed class NdjsonWriter : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly AtomicFile _file;
    private readonly EnvelopeJson _json = EnvelopeJson.ForNdjson();

    private NdjsonWriter(AtomicFile file) => _file = file;

    public string Path => _file.Path;

    public static NdjsonWriter Create(string path) => new(AtomicFile.Create(path));

    public async Task WriteAsync(Envelope envelope, CancellationToken cancellationToken = default)
    {
        await _file.Stream.WriteAsync(_json.Serialize(envelope), cancellationToken).ConfigureAwait(false);
        await _file.Stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => _file.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _json.Dispose();
        return _file.DisposeAsync();
    }
}
