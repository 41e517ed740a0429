namespace Alpy.Capture.Tests.Reading;

/// <summary>
/// Reading a capture while it is being written: complete records are read, a record being written is left for the
/// next look, never mistaken for corruption, and every frame is read once, in order.
/// </summary>
public sealed class FollowTests
{
    public static TheoryData<string, int> Growth => new()
    {
        { "pcap", 1 }, { "pcap", 7 }, { "pcap", 100 }, { "pcap", 4096 },
        { "pcapng", 1 }, { "pcapng", 13 }, { "pcapng", 1000 },
    };

    [Theory]
    [MemberData(nameof(Growth))]
    public void Given_a_file_that_grows_a_few_bytes_at_a_time_When_read_on_from_each_window_end_Then_every_frame_is_read_once_in_order(string format, int step)
    {
        // Given
        using var directory = new TempDirectory();
        byte[] capture = format == "pcap" ? PcapOfCorpus() : PcapngOfCorpus();
        string file = directory.File("growing");
        File.WriteAllBytes(file, []);
        var followed = new CaptureFile(file);
        CaptureMark since = followed.Mark();
        var frames = new List<Frame>();
        int cutsInsideRecords = 0;

        // When
        using (FileStream writer = new(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            for (int written = 0; written < capture.Length;)
            {
                int count = Math.Min(step, capture.Length - written);
                writer.Write(capture, written, count);
                writer.Flush();
                written += count;
                CaptureWindow window = followed.ReadSince(since);
                frames.AddRange(window);
                cutsInsideRecords += window.End.Offset < written ? 1 : 0;
                since = window.End;
            }
        }

        // Then
        frames.Select(frame => frame.Data.ToArray()).Should().BeEquivalentTo(FrameCorpus.All.Select(frame => frame.Bytes), options => options.WithStrictOrdering());
        frames.Select(frame => frame.Number).Should().Equal(Enumerable.Range(1, FrameCorpus.All.Count).Select(n => (long)n));
        since.Offset.Should().Be(capture.Length);
        if (step < 100)
        {
            cutsInsideRecords.Should().BePositive("small steps end inside records many times");
        }
    }

    [Fact]
    public async Task Given_a_writer_appending_concurrently_When_waited_on_from_another_thread_Then_every_frame_arrives_intact()
    {
        // Given
        using var directory = new TempDirectory();
        byte[] capture = PcapOfCorpus();
        string file = directory.File("concurrent.pcap");
        File.WriteAllBytes(file, []);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        var followed = new CaptureFile(file, new CaptureFileOptions { PollInterval = TimeSpan.FromMilliseconds(1) });
        Task writing = Task.Run(
            async () =>
            {
                var random = new Random(42);
                await using FileStream writer = new(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                for (int written = 0; written < capture.Length;)
                {
                    int count = Math.Min(random.Next(1, 300), capture.Length - written);
                    await writer.WriteAsync(capture.AsMemory(written, count), cancellationToken);
                    await writer.FlushAsync(cancellationToken);
                    written += count;
                    await Task.Yield();
                }
            },
            cancellationToken);

        // When
        CaptureWindow frames = await followed.WaitForFramesAsync("", FrameCorpus.All.Count, CaptureMark.Start, TimeSpan.FromSeconds(30), cancellationToken);
        await writing;

        // Then
        frames.Select(frame => frame.Data.ToArray()).Should().BeEquivalentTo(FrameCorpus.All.Select(frame => frame.Bytes), options => options.WithStrictOrdering());
    }

    private static byte[] PcapOfCorpus()
    {
        var builder = new PcapBuilder();
        foreach (CorpusFrame frame in FrameCorpus.All)
        {
            builder.Record(CorpusFile.StartNanoseconds, frame.Bytes);
        }

        return builder.ToArray();
    }

    private static byte[] PcapngOfCorpus()
    {
        PcapngBuilder builder = new PcapngBuilder().Section().Interface(resolution: 9);
        foreach (CorpusFrame frame in FrameCorpus.All)
        {
            builder.Enhanced(0, (ulong)CorpusFile.StartNanoseconds, frame.Bytes);
        }

        return builder.ToArray();
    }
}
