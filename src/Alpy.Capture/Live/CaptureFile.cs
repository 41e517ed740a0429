using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Capture;

/// <summary>
/// A capture file that may still be growing, such as the pcap QEMU's filter-dump writes for one lab link.
/// A scenario takes a <see cref="Mark"/> when it starts, later reads what arrived since
/// (<see cref="ReadSince"/>) or waits for a frame (<see cref="WaitForFrameAsync(string, CaptureMark, TimeSpan?, CancellationToken)"/>).
/// Only complete records are ever read: a record being written is left for the next look. The file is
/// opened per call and shared with its writer; where the last look ended is remembered, so marking re-reads
/// only what is new. Detects a file that was truncated or recreated and starts again from its beginning.
/// Thread-safe.
/// </summary>
public sealed class CaptureFile
{
    private const int FingerprintLength = PcapParser.FileHeaderLength + 16;

    private readonly Lock _lock = new();
    private readonly ILogger _logger;
    private readonly CaptureReaderOptions _readerOptions;
    private ReadPosition _cursor = ReadPosition.Start;
    private byte[] _fingerprint = [];
    private int _generation;

    public CaptureFile(string path, CaptureFileOptions? options = null, ILogger<CaptureFile>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Options = options ?? CaptureFileOptions.Default;
        Options.Validate();
        Path = System.IO.Path.GetFullPath(path);
        Name = Options.Name ?? System.IO.Path.GetFileName(Path);
        _readerOptions = Options.Reader with { Follow = true };
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Path { get; }

    /// <summary>Names the capture in messages ("link1").</summary>
    public string Name { get; }

    public CaptureFileOptions Options { get; }

    /// <summary>
    /// Marks the current end of the capture: frames appended from now on are "since" the mark. A file that
    /// does not exist yet is marked at its beginning. Cheap: reads only what arrived since the last look.
    /// </summary>
    public CaptureMark Mark()
    {
        DateTimeOffset now = Options.TimeProvider.GetUtcNow();
        CaptureMark mark;
        lock (_lock)
        {
            if (File.Exists(Path))
            {
                using CaptureReader reader = OpenAtLocked(_cursor);
                while (reader.TryRead(out _))
                {
                }

                _cursor = reader.Checkpoint();
            }

            mark = new CaptureMark(Path, _cursor, now, timeOnly: false, _generation);
        }

        Log.Marked(_logger, Name, mark.FramesBefore, mark.Offset);
        return mark;
    }

    /// <summary>Every complete frame in the file so far.</summary>
    public CaptureWindow Read() => ReadSince(CaptureMark.Start);

    /// <summary>The complete frames appended since <paramref name="mark"/>, as a snapshot.</summary>
    /// <exception cref="CaptureException">The file does not exist, or the window exceeds <see cref="CaptureFileOptions.MaxWindowBytes"/>.</exception>
    /// <exception cref="CaptureFormatException">The file is corrupt after the mark.</exception>
    public CaptureWindow ReadSince(CaptureMark mark)
    {
        CheckMark(mark);
        if (!File.Exists(Path))
        {
            throw new CaptureException($"The capture file of {Name} does not exist: {Path}. Is the link's capture (QEMU filter-dump, tcpdump -w) running and writing there?");
        }

        var frames = new List<Frame>();
        var store = new FrameStore(Options.MaxWindowBytes, () => $"of {Name} since {mark}");
        ReadPosition end;
        using (CaptureReader reader = OpenSince(mark, out long minimum))
        {
            while (reader.TryRead(out CaptureRecord record))
            {
                if (record.TimestampNanoseconds >= minimum)
                {
                    frames.Add(store.Add(record));
                }
            }

            end = reader.Checkpoint();
        }

        int generation = Advance(end);
        var endMark = new CaptureMark(Path, end, Options.TimeProvider.GetUtcNow(), timeOnly: false, generation);
        return new CaptureWindow(Name, Path, frames, mark, endMark, ReferenceEquals(mark, CaptureMark.Start) ? string.Empty : mark.ToString());
    }

    /// <summary>Waits until a frame matching a tcpdump filter expression arrives after <paramref name="since"/>, and returns it.</summary>
    /// <param name="timeout">Defaults to <see cref="CaptureFileOptions.DefaultTimeout"/> (5 s).</param>
    /// <exception cref="CaptureTimeoutException">No such frame in time; the message lists what did arrive.</exception>
    public async Task<Frame> WaitForFrameAsync(string filter, CaptureMark since, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var compiled = new CaptureFilter(filter);
        List<Frame> found = await WaitAsync(Matcher(compiled), $"a frame matching \"{filter}\"", since, 1, timeout, cancellationToken).ConfigureAwait(false);
        return found[0];
    }

    /// <summary>Waits until a frame for which <paramref name="predicate"/> holds arrives after <paramref name="since"/>, and returns it.</summary>
    /// <param name="description">What the predicate selects, for the timeout message ("the SYN to port 88").</param>
    public async Task<Frame> WaitForFrameAsync(Func<Frame, bool> predicate, string description, CaptureMark since, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Func<CaptureRecord, Frame?> match = record =>
        {
            Frame frame = record.ToFrame();
            return predicate(frame) ? frame : null;
        };
        List<Frame> found = await WaitAsync(match, description, since, 1, timeout, cancellationToken).ConfigureAwait(false);
        return found[0];
    }

    /// <summary>Waits until <paramref name="count"/> frames matching a filter have arrived after <paramref name="since"/>; returns them.</summary>
    public async Task<CaptureWindow> WaitForFramesAsync(string filter, int count, CaptureMark since, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var compiled = new CaptureFilter(filter);
        List<Frame> found = await WaitAsync(Matcher(compiled), $"{count} frame(s) matching \"{filter}\"", since, count, timeout, cancellationToken).ConfigureAwait(false);
        return new CaptureWindow(Name, Path, found, since, Mark(), $"{since}, matching \"{filter}\"");
    }

    private static Func<CaptureRecord, Frame?> Matcher(CaptureFilter filter) => record => filter.Matches(record) ? record.ToFrame() : null;

    private async Task<List<Frame>> WaitAsync(Func<CaptureRecord, Frame?> match, string what, CaptureMark since, int count, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        CheckMark(since);
        TimeSpan limit = timeout ?? Options.DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        Log.Waiting(_logger, Name, limit, what);
        long started = Options.TimeProvider.GetTimestamp();
        var found = new List<Frame>();
        CaptureReader? reader = null;
        long minimum = long.MinValue;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader is not null && new FileInfo(Path) is { Exists: true } info && info.Length < reader.Position)
                {
                    reader.Dispose();
                    reader = null; // truncated or recreated while waiting: start over
                }

                if (reader is null && File.Exists(Path))
                {
                    reader = OpenSince(since, out minimum);
                }

                while (reader is not null && reader.TryRead(out CaptureRecord record))
                {
                    if (record.TimestampNanoseconds >= minimum && match(record) is { } frame)
                    {
                        found.Add(frame);
                        if (found.Count == count)
                        {
                            Log.Found(_logger, Name, what, Options.TimeProvider.GetElapsedTime(started));
                            return found;
                        }
                    }
                }

                if (Options.TimeProvider.GetElapsedTime(started) >= limit)
                {
                    throw TimedOut(what, since, limit, found.Count, count);
                }

                await Task.Delay(Options.PollInterval, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            reader?.Dispose();
        }
    }

    private CaptureTimeoutException TimedOut(string what, CaptureMark since, TimeSpan limit, int found, int wanted)
    {
        string progress = wanted > 1 ? $" ({found} of {wanted} arrived)" : string.Empty;
        string waited = $"Waited {limit.TotalSeconds:0.###} s for {what} on {Name}{progress} {since}";
        if (!File.Exists(Path))
        {
            var empty = new CaptureWindow(Name, Path, [], since, since, since.ToString());
            return new CaptureTimeoutException($"{waited}, but the capture file does not exist: {Path}. Is the link's capture (QEMU filter-dump, tcpdump -w) writing there?", empty);
        }

        CaptureWindow window;
        try
        {
            window = ReadSince(since);
        }
        catch (CaptureException problem)
        {
            var unread = new CaptureWindow(Name, Path, [], since, since, since.ToString());
            return new CaptureTimeoutException($"{waited}. What the capture ({Path}) held could not be listed: {problem.Message}", unread);
        }

        return new CaptureTimeoutException(
            $"{waited}. The capture ({Path}) held {window.Count} frame(s) since the mark:\n{window.Excerpt(indent: "  ")}", window);
    }

    private void CheckMark(CaptureMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (mark.Path is not null && !string.Equals(mark.Path, Path, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The mark belongs to {mark.Path}, not to {Path} ({Name}): take a mark of each capture you look at.", nameof(mark));
        }
    }

    /// <summary>
    /// Opens a reader at the mark. A time-only mark reads from the start and keeps frames from the mark's time on.
    /// A mark taken before the file was recreated reads the new file from its start: all of it was written after the mark.
    /// </summary>
    private CaptureReader OpenSince(CaptureMark mark, out long minimum)
    {
        lock (_lock)
        {
            CaptureReader reader = OpenAtLocked(mark.Position);
            minimum = mark.IsTimeOnly ? Timestamps.ToNanoseconds(mark.Time) : long.MinValue;
            if (mark.Generation != _generation && reader.Position != 0)
            {
                reader.Dispose();
                reader = CaptureReader.Resume(Path, Name, _readerOptions, ReadPosition.Start);
            }

            return reader;
        }
    }

    /// <summary>Opens a reader at <paramref name="position"/>, or at the start when the file no longer holds what was read before.</summary>
    private CaptureReader OpenAtLocked(ReadPosition position)
    {
        byte[] start = ReadFingerprint(out long length);
        bool sameFile = start.AsSpan(0, Math.Min(start.Length, _fingerprint.Length)).SequenceEqual(_fingerprint.AsSpan(0, Math.Min(start.Length, _fingerprint.Length)));
        if (!sameFile || length < _cursor.Offset)
        {
            Log.Restarted(_logger, Name, Path, length, _cursor.Offset);
            _generation++;
            _cursor = ReadPosition.Start;
            _fingerprint = [];
        }

        if (start.Length > _fingerprint.Length)
        {
            _fingerprint = start;
        }

        bool usable = sameFile && length >= position.Offset;
        return CaptureReader.Resume(Path, Name, _readerOptions, usable ? position : ReadPosition.Start);
    }

    /// <summary>The file header and first record header: a recreated file differs there (the first frame's time).</summary>
    private byte[] ReadFingerprint(out long length)
    {
        using FileStream stream = CaptureReader.OpenShared(Path);
        length = stream.Length;
        var buffer = new byte[(int)Math.Min(length, FingerprintLength)];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Moves the remembered end forward (never back); returns the current generation.</summary>
    private int Advance(ReadPosition end)
    {
        lock (_lock)
        {
            if (end.Offset > _cursor.Offset)
            {
                _cursor = end;
            }

            return _generation;
        }
    }
}
