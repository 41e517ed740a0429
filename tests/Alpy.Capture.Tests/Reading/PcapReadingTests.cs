namespace Alpy.Capture.Tests.Reading;

/// <summary>Classic pcap in both byte orders and both timestamp resolutions, read through SharpPcap, checked against what was written and against tcpdump; and windows saved as pcaps of their own.</summary>
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
        CaptureWindow frames = CaptureWindow.Load(file);

        // Then
        frames.Should().OnlyContain(frame => frame.LinkType == PacketDotNet.LinkLayers.Ethernet);
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
    public async Task Given_a_window_of_some_frames_When_saved_as_a_pcap_Then_tcpdump_reads_those_frames_with_their_times_and_lengths()
    {
        // Given
        using var directory = new TempDirectory();
        string original = CorpusFile.Write(directory.File("corpus.pcap"));
        CaptureWindow window = CaptureWindow.Load(original).Matching("tcp");

        // When
        string slice = directory.File("tcp.pcap");
        window.SaveAs(slice);
        string streamed = directory.File("streamed.pcap");
        using (FileStream stream = File.Create(streamed))
        {
            window.WriteTo(stream);
        }

        // Then
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        IReadOnlyList<string> expected = await Tcpdump.ReadLinesAsync(original, ["-tt", "-S", "-e", "--time-stamp-precision=nano"], "tcp", cancellationToken);
        (await Tcpdump.ReadLinesAsync(slice, ["-tt", "-S", "-e", "--time-stamp-precision=nano"], cancellationToken: cancellationToken)).Should().Equal(expected).And.HaveCount(window.Count);
        File.ReadAllBytes(streamed).Should().Equal(File.ReadAllBytes(slice));
        CaptureWindow.Load(slice).Select(frame => (frame.TimestampNanoseconds, frame.OriginalLength, frame.Data.Length))
            .Should().Equal(window.Select(frame => (frame.TimestampNanoseconds, frame.OriginalLength, frame.Data.Length)), "a cut frame keeps its wire length");
    }

    [Theory]
    [InlineData(0, new byte[] { 0xD4, 0xC3, 0xB2, 0xA1 })]
    [InlineData(789, new byte[] { 0x4D, 0x3C, 0xB2, 0xA1 })]
    public void Given_frames_with_whole_microseconds_or_not_When_saved_Then_the_pcap_has_the_resolution_they_need(long extraNanoseconds, byte[] magic)
    {
        using var directory = new TempDirectory();
        string file = new PcapBuilder(nanoseconds: true).Record(CorpusFile.StartNanoseconds + extraNanoseconds, FrameCorpus.All[0].Bytes).WriteTo(directory.File("in.pcap"));
        string slice = directory.File("out.pcap");

        CaptureWindow.Load(file).SaveAs(slice);

        File.ReadAllBytes(slice)[..4].Should().Equal(magic, "QEMU's microsecond frames stay a microsecond pcap; finer times need a nanosecond one");
        CaptureWindow.Load(slice).Single().TimestampNanoseconds.Should().Be(CorpusFile.StartNanoseconds + extraNanoseconds);
    }

    [Fact]
    public async Task Given_a_window_When_printed_Then_the_text_is_tcpdumps_for_a_pcap_of_those_frames_numbered_from_one()
    {
        // Given
        using var directory = new TempDirectory();
        CaptureWindow window = CaptureWindow.Load(CorpusFile.Write(directory.File("corpus.pcap"))).Matching("arp");
        string slice = directory.File("arp.pcap");
        window.SaveAs(slice);

        // When
        string text = window.ToText();

        // Then
        text.Should().Be(await Tcpdump.PrintAsync(slice, TestContext.Current.CancellationToken));
        text.Should().StartWith("    1  ").And.Contain("ARP (0x0806)").And.Contain("Request who-has 10.77.0.2 tell 10.77.0.1, length 28");
        window.Should().HaveCountGreaterThan(3);
    }

    [Fact]
    public void Given_an_empty_window_When_printed_or_saved_Then_the_text_is_empty_and_the_pcap_has_no_frames()
    {
        using var directory = new TempDirectory();
        CaptureWindow none = CaptureWindow.Load(CorpusFile.Write(directory.File("corpus.pcap"))).Matching("udp port 1");

        none.ToText().Should().BeEmpty();
        none.Excerpt().Should().Be("(no frames)");
        none.SaveAs(directory.File("none.pcap"));
        CaptureWindow.Load(directory.File("none.pcap")).Should().BeEmpty();
    }

    private static string Epoch(long nanoseconds, bool nano) =>
        nano ? $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:000000000}" : $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000 / 1000:000000}";
}
