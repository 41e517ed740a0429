namespace Alpy.Reports.IO;

/// <summary>
/// A file written under a temporary name beside its target and renamed into place only when complete,
/// so a crash or an error never leaves a half-written report that looks whole. Disposing without
/// <see cref="CommitAsync"/> deletes the temporary file.
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _temporaryPath;
    private bool _committed;

    private AtomicFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        Stream = stream;
    }

    public string Path { get; }

    public FileStream Stream { get; }

    /// <summary>Creates the temporary file; a folder that cannot be written is a <see cref="ReportException"/>.</summary>
    public static AtomicFile Create(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            return new AtomicFile(path, temporary, stream);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw ReportFolder.NotWritable(directory, e);
        }
    }

    /// <summary>Closes the file (flushing it, unless a writer that owned the stream closed it already) and puts it in place.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            File.Move(_temporaryPath, Path, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw ReportFolder.NotWritable(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, e);
        }

        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed)
        {
            try
            {
                File.Delete(_temporaryPath);
            }
            catch (IOException)
            {
                // Best effort: the temporary name starts with '.' and says it is temporary.
            }
        }
    }

    /// <summary>Writes a whole file atomically.</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        await using var file = Create(path);
        await using (var writer = new StreamWriter(file.Stream, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
