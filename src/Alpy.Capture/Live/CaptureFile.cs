using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SharpPcap;

namespace Alpy.Capture;

/// <summary>
/// A capture file that may still be growing, such as the pcap QEMU's filter-dump writes for one lab link.
/// A scenario takes a <see cref="Mark"/> when it starts, later reads what arrived since
/// (<see cref="ReadSince"/>) or waits for a frame (<see cref="WaitForFrameAsync"/>). SharpPcap reads the file
/// (libpcap does all the format work, pcap and pcapng); only complete records are read, a record still being
/// written is left for the next look. Reading starts at the mark's record boundary, so its cost is that of the
/// frames since the mark, not of the whole file. The file is opened per call and shared with its writer; where the
/// last look ended is remembered, so that marking reads only what is new. A file that was truncated or recreated is
/// read again from its beginning. Thread-safe.
/// </summary>
public sealed class CaptureFile
{
    /// <summary>A recreated file differs from the old one in its first bytes (the first frame's time, at least).</summary>
    private const int FingerprintLength = 64;

    private readonly Lock _lock = new();
    private readonly ILogger _logger;
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
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Path { get; }

    /// <summary>Names the capture in messages ("link 1").</summary>
    public string Name { get; }

    public CaptureFileOptions Options { get; }

    /// <summary>
    /// Marks the current end of the capture: frames appended from now on are "since" the mark. A file that does not
    /// exist yet, or whose header is not written yet, is marked at its beginning. Reads only what arrived since the
    /// last look.
    /// </summary>
    /// <exception cref="CaptureFormatException">libpcap cannot read the file.</exception>
    public CaptureMark Mark()
    {
        DateTimeOffset now = Options.TimeProvider.GetUtcNow();
        CaptureMark mark;
        lock (_lock)
        {
            if (File.Exists(Path))
            {
                using CaptureReader? reader = OpenAtLocked(_cursor);
                if (reader is not null)
                {
                    while (reader.TryRead(out _))
                    {
                    }

                    _cursor = reader.Position;
                }
            }

            mark = new CaptureMark(Path, _cursor, now, _generation);
        }

        Log.Marked(_logger, Name, mark.FramesBefore, mark.Offset);
        return mark;
    }

    /// <summary>Every complete frame in the file so far.</summary>
    public CaptureWindow Read() => ReadSince(CaptureMark.Start);

    /// <summary>The complete frames appended since <paramref name="mark"/>, as a snapshot.</summary>
    /// <exception cref="CaptureException">The file does not exist, or the window exceeds <see cref="CaptureFileOptions.MaxWindowBytes"/>.</exception>
    /// <exception cref="CaptureFormatException">libpcap cannot read the file after the mark.</exception>
    public CaptureWindow ReadSince(CaptureMark mark) => ReadBetween(mark, until: null);

    /// <summary>The frames from <paramref name="mark"/> to <paramref name="until"/> (a later mark of the same file), as a snapshot.</summary>
    /// <exception cref="CaptureException">The file does not exist, or the window exceeds <see cref="CaptureFileOptions.MaxWindowBytes"/>.</exception>
    /// <exception cref="CaptureFormatException">libpcap cannot read the file between the marks.</exception>
    public CaptureWindow ReadBetween(CaptureMark mark, CaptureMark? until)
    {
        CheckMark(mark);
        if (until is not null)
        {
            CheckMark(until);
        }

        if (!File.Exists(Path))
        {
            throw new CaptureException($"The capture file of {Name} does not exist: {Path}. Is the link's capture (QEMU filter-dump, tcpdump -w) running and writing there?");
        }

        var frames = new List<Frame>();
        long bytes = 0;
        ReadPosition end = mark.Position;
        // A mark of an earlier generation of the file bounds nothing in this one.
        long stop = until is not null && until.Generation == _generation ? until.Offset : long.MaxValue;
        using (CaptureReader? reader = OpenSince(mark))
        {
            while (reader is not null && reader.Position.Offset < stop && reader.TryRead(out PacketCapture capture))
            {
                bytes += capture.Data.Length;
                if (bytes > Options.MaxWindowBytes)
                {
                    throw new CaptureException(
                        $"The frames of {Name} since {mark} are more than {Options.MaxWindowBytes} bytes (CaptureFileOptions.MaxWindowBytes). " +
                        "Take a later mark so that the window covers only the scenario's traffic, or raise the limit.");
                }

                frames.Add(Frame.From(capture, reader.Position.FramesBefore, reader.LinkType));
            }

            end = reader?.Position ?? end;
        }

        int generation = Advance(end);
        CaptureMark endMark = until is not null && end.Offset == until.Offset ? until : new CaptureMark(Path, end, Options.TimeProvider.GetUtcNow(), generation);
        return new CaptureWindow(Name, Path, frames, mark, endMark, ReferenceEquals(mark, CaptureMark.Start) ? string.Empty : mark.ToString());
    }

    /// <summary>Waits until a frame matching a tcpdump filter expression arrives after <paramref name="since"/>, and returns it.</summary>
    /// <param name="timeout">Defaults to <see cref="CaptureFileOptions.DefaultTimeout"/> (5 s).</param>
    /// <exception cref="CaptureTimeoutException">No such frame in time; the message lists what did arrive.</exception>
    /// <exception cref="CaptureFilterException">The filter is not valid.</exception>
    public async Task<Frame> WaitForFrameAsync(string filter, CaptureMark since, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var compiled = new CaptureFilter(filter);
        List<Frame> found = await WaitAsync(compiled.Matches, $"a frame matching \"{filter}\"", since, 1, timeout, cancellationToken).ConfigureAwait(false);
        return found[0];
    }

    /// <summary>Waits until <paramref name="count"/> frames matching a filter have arrived after <paramref name="since"/>; returns them.</summary>
    public async Task<CaptureWindow> WaitForFramesAsync(string filter, int count, CaptureMark since, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var compiled = new CaptureFilter(filter);
        List<Frame> found = await WaitAsync(compiled.Matches, $"{count} frame(s) matching \"{filter}\"", since, count, timeout, cancellationToken).ConfigureAwait(false);
        return new CaptureWindow(Name, Path, found, since, Mark(), $"{since}, matching \"{filter}\"");
    }

    private async Task<List<Frame>> WaitAsync(Func<Frame, bool> match, string what, CaptureMark since, int count, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        CheckMark(since);
        TimeSpan limit = timeout ?? Options.DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        Log.Waiting(_logger, Name, limit, what);
        long started = Options.TimeProvider.GetTimestamp();
        var found = new List<Frame>();
        CaptureReader? reader = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader is not null && new FileInfo(Path) is { Exists: true } info && info.Length < reader.Position.Offset)
                {
                    // Truncated or recreated while waiting: look again from the mark (a recreated file from its start).
                    reader.Dispose();
                    reader = null;
                }

                if (reader is null && File.Exists(Path))
                {
                    reader = OpenSince(since);
                }

                while (reader is not null && reader.TryRead(out PacketCapture capture))
                {
                    var frame = Frame.From(capture, reader.Position.FramesBefore, reader.LinkType);
                    if (match(frame))
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
        var nothing = new CaptureWindow(Name, Path, [], since, since, since.ToString());
        if (!File.Exists(Path))
        {
            return new CaptureTimeoutException($"{waited}, but the capture file does not exist: {Path}. Is the link's capture (QEMU filter-dump, tcpdump -w) writing there?", nothing);
        }

        try
        {
            CaptureWindow window = ReadSince(since);
            return new CaptureTimeoutException(
                $"{waited}. The capture ({Path}) held {window.Count} frame(s) since the mark, as tcpdump {Tcpdump.Options} prints them:\n{window.Excerpt(indent: "  ")}", window);
        }
        catch (CaptureException problem)
        {
            return new CaptureTimeoutException($"{waited}. What the capture ({Path}) held could not be listed: {problem.Message}", nothing);
        }
    }

    private void CheckMark(CaptureMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (mark.Path is not null && !string.Equals(mark.Path, Path, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The mark belongs to {mark.Path}, not to {Path} ({Name}): take a mark of each capture you look at.", nameof(mark));
        }
    }

    /// <summary>A reader at the mark; at the file's start when the file was recreated after the mark (all of it came later).</summary>
    private CaptureReader? OpenSince(CaptureMark mark)
    {
        lock (_lock)
        {
            CaptureReader? reader = OpenAtLocked(mark.Position);
            if (reader is not null && mark.Generation != _generation && mark.Position.Offset != 0)
            {
                reader.Dispose();
                reader = CaptureReader.Open(Path, ReadPosition.Start, follow: true);
            }

            return reader;
        }
    }

    /// <summary>
    /// A reader at <paramref name="position"/>, or at the start when the file no longer holds what was read before;
    /// null while the file's header is not written yet.
    /// </summary>
    private CaptureReader? OpenAtLocked(ReadPosition position)
    {
        byte[] start = ReadFingerprint(out long length);
        int compared = Math.Min(start.Length, _fingerprint.Length);
        bool sameFile = start.AsSpan(0, compared).SequenceEqual(_fingerprint.AsSpan(0, compared));
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
        return CaptureReader.Open(Path, usable ? position : ReadPosition.Start, follow: true);
    }

    private byte[] ReadFingerprint(out long length)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
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
