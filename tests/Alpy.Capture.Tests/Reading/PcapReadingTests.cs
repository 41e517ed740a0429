namespace Alpy.Capture.Tests.Reading;

/// <summary>Classic pcap in both byte orders and both timestamp resolutions, checked against what was written and against tcpdump.</summary>
public sealed class PcapReadingTests
{
    public static TheoryData<bool, bool> Variants => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Given_a_pcap_of_either_byte_order_and_resolution_When_read_Then_bytes_times_and_lengths_are_as_written_and_as_tcpdump_reads_them(bool bigEndian, bool nanoseconds)
    {
        // Given
        using var directory = new TempDirectory();
        var builder = new PcapBuilder(bigEndian, nanoseconds);
        IReadOnlyList<CorpusFrame> corpus = FrameCorpus.All;
        for (int i = 0; i < corpus.Count; i++)
        {
            builder.Record(CorpusFile.TimeOf(i) + (i * 7), corpus[i].Bytes, original: (uint)(corpus[i].OriginalLength ?? corpus[i].Bytes.Length));
        }

        string file = builder.WriteTo(directory.File("variant.pcap"));

        // When
        using CaptureReader reader = CaptureReader.Open(file);
        var frames = new List<Frame>();
        while (reader.TryRead(out CaptureRecord record))
        {
            frames.Add(record.ToFrame());
        }

        // Then
        reader.Header.Should().Be(new CaptureFileHeader(CaptureFormat.Pcap, bigEndian, nanoseconds, LinkType.Ethernet, 262144));
        frames.Select(frame => frame.Data.ToArray()).Should().BeEquivalentTo(corpus.Select(frame => frame.Bytes), options => options.WithStrictOrdering());
        frames.Select(frame => frame.OriginalLength).Should().Equal(corpus.Select(frame => frame.OriginalLength ?? frame.Bytes.Length));
        frames.Select(frame => frame.Number).Should().Equal(Enumerable.Range(1, corpus.Count).Select(n => (long)n));
        long resolution = nanoseconds ? 1 : 1000;
        frames.Select(frame => frame.TimestampNanoseconds).Should().Equal(corpus.Select((_, i) => (CorpusFile.TimeOf(i) + (i * 7)) / resolution * resolution));
        string precision = nanoseconds ? "nano" : "micro";
        IReadOnlyList<string> tcpdump = await Tcpdump.ReadLinesAsync(file, ["-tt", $"--time-stamp-precision={precision}"], cancellationToken: TestContext.Current.CancellationToken);
        tcpdump.Select(line => line.Split(' ')[0]).Should().Equal(frames.Select(frame => Epoch(frame.TimestampNanoseconds, nanoseconds)));
    }

    [Fact]
    public void Given_frames_larger_than_the_read_buffer_When_read_from_a_stream_that_returns_few_bytes_at_a_time_Then_every_frame_is_whole()
    {
        // Given
        byte[][] jumbo = [.. Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 9000 + i).Select(b => (byte)(b * (i + 1))).ToArray())];
        var builder = new PcapBuilder();
        foreach (byte[] frame in jumbo)
        {
            builder.Record(1_000_000_000, frame);
        }

        var stream = new TricklingStream(builder.ToArray(), chunk: 1000);

        // When
        using var reader = new CaptureReader(stream, "jumbo", new CaptureReaderOptions { BufferSize = 4096 });
        var frames = new List<byte[]>();
        while (reader.TryRead(out CaptureRecord record))
        {
            frames.Add(record.Data.ToArray());
        }

        // Then
        frames.Should().BeEquivalentTo(jumbo, options => options.WithStrictOrdering());
        reader.Position.Should().Be(builder.Length);
        reader.FramesRead.Should().Be(5);
    }

    [Fact]
    public async Task Given_frames_written_with_PcapWriter_When_read_by_tcpdump_and_by_the_reader_Then_both_see_them_as_written()
    {
        // Given
        using var directory = new TempDirectory();
        string file = directory.File("written.pcap");
        using (PcapWriter writer = PcapWriter.Create(file, nanoseconds: true))
        {
            writer.Write(1_700_000_000_123_456_789, FrameCorpus.All[0].Bytes);
            writer.Write(1_700_000_001_000_000_001, FrameCorpus.All[1].Bytes, originalLength: 100);
        }

        // When
        CaptureWindow window = CaptureWindow.Load(file);
        IReadOnlyList<string> tcpdump = await Tcpdump.ReadLinesAsync(file, ["-tt", "--time-stamp-precision=nano"], cancellationToken: TestContext.Current.CancellationToken);

        // Then
        window.Select(frame => frame.TimestampNanoseconds).Should().Equal(1_700_000_000_123_456_789, 1_700_000_001_000_000_001);
        window[1].OriginalLength.Should().Be(100);
        tcpdump.Select(line => line.Split(' ')[0]).Should().Equal("1700000000.123456789", "1700000001.000000001");
    }

    [Fact]
    public void Given_records_streamed_from_one_file_When_copied_to_another_with_PcapWriter_Then_the_copy_reads_the_same()
    {
        using var directory = new TempDirectory();
        string original = CorpusFile.Write(directory.File("corpus.pcap"));
        string copy = directory.File("copy.pcap");
        using (CaptureReader reader = CaptureReader.Open(original))
        using (PcapWriter writer = PcapWriter.Create(copy))
        {
            while (reader.TryRead(out CaptureRecord record))
            {
                writer.Write(record);
            }

            writer.Flush();
            writer.Invoking(w => w.Write(Frame(LinkType.Raw))).Should().Throw<ArgumentException>().WithMessage("A Raw frame cannot go into a pcap file of Ethernet frames*");
        }

        File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(original));
        CaptureWindow.Load(copy).ToText().Should().Be(CaptureWindow.Load(original).ToText()).And.Contain("ARP, Request who-has 10.77.0.2 tell 10.77.0.1, length 28\n");
    }

    [Fact]
    public async Task Given_a_window_When_written_as_pcap_Then_tcpdump_reads_the_same_frames_back()
    {
        // Given
        using var directory = new TempDirectory();
        CaptureWindow window = CaptureWindow.Load(CorpusFile.Write(directory.File("corpus.pcap"))).Matching("tcp");

        // When
        string copy = directory.File("tcp.pcap");
        using (FileStream stream = File.Create(copy))
        {
            window.WriteTo(stream);
        }

        // Then
        IReadOnlyList<string> original = await Tcpdump.ReadLinesAsync(directory.File("corpus.pcap"), filter: "tcp", cancellationToken: TestContext.Current.CancellationToken);
        IReadOnlyList<string> written = await Tcpdump.ReadLinesAsync(copy, cancellationToken: TestContext.Current.CancellationToken);
        written.Should().Equal(original).And.HaveCount(window.Count);
    }

    private static Frame Frame(LinkType linkType)
    {
        byte[] capture = new PcapBuilder(linkType: (uint)linkType).Record(0, [0x45, 0, 0, 20]).ToArray();
        return Captures.ReadAll(capture).Single();
    }

    private static string Epoch(long nanoseconds, bool nano) =>
        nano ? $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:000000000}" : $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000 / 1000:000000}";
}
