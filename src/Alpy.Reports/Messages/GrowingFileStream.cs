namespace Alpy.Reports.Messages;

/// <summary>
/// Reads a file that another process is still writing, like `tail -f`: a read at the current end waits for
/// more instead of ending, until the writer is done (<c>writerFinished</c>) and everything has been read.
/// A file that does not exist yet is waited for the same way.
/// </summary>
internal sealed class GrowingFileStream(string path, Func<bool> writerFinished, TimeSpan pollInterval) : Stream
{
    private FileStream? _file;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            // Asked before reading: a writer that finished before an empty read has written everything there is.
            var finished = writerFinished();
            if (_file is null && File.Exists(path))
            {
                _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
            }

            var read = _file is null ? 0 : await _file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || finished)
            {
                return read;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
