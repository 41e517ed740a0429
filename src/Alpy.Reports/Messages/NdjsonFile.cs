using Alpy.Reports.IO;
using Cucumber.Messages;
using Typed = Io.Cucumber.Messages.Types;

namespace Alpy.Reports.Messages;

/// <summary>
/// A message stream written with Cucumber.Messages' <see cref="MessageToNdjsonWriter"/> into a file that
/// appears at its path only when complete.
/// </summary>
internal sealed class NdjsonFile : IAsyncDisposable
{
    private readonly AtomicFile _file;
    private readonly MessageToNdjsonWriter _writer;

    private NdjsonFile(AtomicFile file)
    {
        _file = file;
        _writer = new MessageToNdjsonWriter(file.Stream, static (writer, envelope) => writer.Write(CucumberJson.Serialize(envelope)));
    }

    public static NdjsonFile Create(string path) => new(AtomicFile.Create(path));

    public void Write(Typed.Envelope envelope) => _writer.Write(envelope);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        _writer.Dispose(); // flushes and closes the file's stream
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
