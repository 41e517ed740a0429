namespace Alpy.Capture.Tests.Reading;

/// <summary>Reading a capture while it is being written: complete records are read, a record being written is waited for, never mistaken for corruption.</summary>
public sealed class FollowTests
{
    public static TheoryData<string, int> Growth => new()
    {
        { "pcap", 1 }, { "pcap", 7 }, { "pcap", 100 }, { "pcap", 4096 },
        { "pcapng", 1 }, { "pcapng", 13 }, { "pcapng", 1000 },
    };

    [Theory]
    [MemberData(nameof(Growth))]
    public void Given_a_file_that_grows_a_few_bytes_at_a_time_When_followed_Then_every_frame_is_read_once_in_order(string format, int step)
    {
        // Given
        using var directory = new TempDirectory();
        byte[] capture = format == "pcap" ? PcapOfCorpus() : PcapngOfCorpus();
        string file = directory.File("growing");
        File.WriteAllBytes(file, []);
        using CaptureReader reader = CaptureReader.Open(file, new CaptureReaderOptions { Follow = true });
        var frames = new List<byte[]>();
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
                while (reader.TryRead(out CaptureRecord record))
                {
                    frames.Add(record.Data.ToArray());
                }

                cutsInsideRecords += reader.EndsInsideRecord ? 1 : 0;
            }
        }

        // Then
        frames.Should().BeEquivalentTo(FrameCorpus.All.Select(frame => frame.Bytes), options => options.WithStrictOrdering());
        reader.EndsInsideRecord.Should().BeFalse();
        reader.Position.Should().Be(capture.Length);
        if (step < 100)
        {
            cutsInsideRecords.Should().BePositive("small steps end inside records many times");
        }
    }

    [Fact]
    public async Task Given_a_writer_appending_concurrently_When_followed_from_another_thread_Then_every_frame_arrives_intact()
    {
        // Given
        using var directory = new TempDirectory();
        byte[] capture = PcapOfCorpus();
        string file = directory.File("concurrent.pcap");
        File.WriteAllBytes(file, []);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
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
        var frames = new List<byte[]>();
        using (CaptureReader reader = CaptureReader.Open(file, new CaptureReaderOptions { Follow = true }))
        {
            while (frames.Count < FrameCorpus.All.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.TryRead(out CaptureRecord record))
                {
                    frames.Add(record.Data.ToArray());
                }
                else
                {
                    await Task.Delay(1, cancellationToken);
                }
            }
        }

        await writing;

        // Then
        frames.Should().BeEquivalentTo(FrameCorpus.All.Select(frame => frame.Bytes), options => options.WithStrictOrdering());
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
