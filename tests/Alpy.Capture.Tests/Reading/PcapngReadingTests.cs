namespace Alpy.Capture.Tests.Reading;

/// <summary>pcapng through SharpPcap (libpcap): sections, interface descriptions with their options, and every packet block type.</summary>
public sealed class PcapngReadingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Given_a_pcapng_of_enhanced_simple_and_obsolete_packet_blocks_When_read_Then_frames_are_as_written_and_as_tcpdump_reads_them(bool bigEndian)
    {
        // Given
        using var directory = new TempDirectory();
        byte[] first = FrameCorpus.All[0].Bytes;
        byte[] second = FrameCorpus.All[2].Bytes;
        byte[] third = FrameCorpus.All[8].Bytes;
        string file = new PcapngBuilder()
            .Section(bigEndian)
            .Interface(name: "link1", resolution: 9)
            .Block(5, new byte[12]) // interface statistics: skipped
            .Enhanced(0, 1_700_000_000_123_456_789, first)
            .Block(0x0BAD, [1, 2, 3, 4]) // unknown: skipped
            .Obsolete(0, 1_700_000_001_000_000_001, second)
            .Simple(third)
            .WriteTo(directory.File("blocks.pcapng"));

        // When
        CaptureWindow frames = CaptureWindow.Load(file);

        // Then
        frames.Select(frame => frame.Data.ToArray()).Should().BeEquivalentTo(new[] { first, second, third }, options => options.WithStrictOrdering());
        frames.Select(frame => frame.TimestampNanoseconds).Should().Equal(1_700_000_000_123_456_789, 1_700_000_001_000_000_001, 0);
        frames.Select(frame => frame.Number).Should().Equal(1, 2, 3);
        IReadOnlyList<string> tcpdump = await Tcpdump.ReadLinesAsync(file, ["-tt", "--time-stamp-precision=nano"], cancellationToken: TestContext.Current.CancellationToken);
        tcpdump.Select(line => line.Split(' ')[0]).Should().Equal("1700000000.123456789", "1700000001.000000001", "0.000000000");
        tcpdump.Should().HaveCount(3);
    }

    [Theory]
    [InlineData((byte)6, 1_500_000UL, 1_500_000_000L)]
    [InlineData((byte)9, 1_500_000_000UL, 1_500_000_000L)]
    [InlineData((byte)3, 1_500UL, 1_500_000_000L)]
    [InlineData((byte)0x8A, 1536UL, 1_500_000_000L)] // 2^-10 seconds
    [InlineData((byte)12, 1_500_000_000_123UL, 1_500_000_000L)] // picoseconds round down
    public void Given_an_interface_timestamp_resolution_When_read_Then_timestamps_are_converted_to_nanoseconds(byte resolution, ulong units, long nanoseconds)
    {
        // Given
        byte[] capture = new PcapngBuilder().Section().Interface(resolution: resolution).Enhanced(0, units, FrameCorpus.All[0].Bytes).ToArray();

        // When
        List<Frame> frames = Captures.ReadAll(capture);

        // Then
        frames.Should().ContainSingle().Which.TimestampNanoseconds.Should().Be(nanoseconds);
    }

    [Fact]
    public void Given_an_interface_with_a_timestamp_offset_When_read_Then_the_offset_is_added()
    {
        byte[] capture = new PcapngBuilder().Section().Interface(offsetSeconds: 1_000).Enhanced(0, 2_000_000, FrameCorpus.All[0].Bytes).ToArray();

        Captures.ReadAll(capture).Single().TimestampNanoseconds.Should().Be(1_002_000_000_000);
    }

    [Fact]
    public void Given_two_sections_When_read_Then_frames_of_both_are_read_in_order()
    {
        // Given
        byte[] first = FrameCorpus.All[0].Bytes;
        byte[] second = FrameCorpus.All[2].Bytes;
        byte[] capture = new PcapngBuilder()
            .Section()
            .Interface(resolution: 9)
            .Enhanced(0, 5, first)
            .Section()
            .Interface()
            .Enhanced(0, 7, second)
            .ToArray();

        // When
        List<Frame> frames = Captures.ReadAll(capture);

        // Then
        frames.Select(frame => (frame.Number, frame.TimestampNanoseconds)).Should().Equal((1L, 5L), (2L, 7_000L));
        frames.Select(frame => frame.Data.ToArray()).Should().BeEquivalentTo(new[] { first, second }, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Given_a_second_section_in_the_other_byte_order_When_read_Then_libpcaps_refusal_names_the_file_and_the_offset()
    {
        // Given: libpcap 1.10 reads every section in the first section's byte order
        byte[] head = new PcapngBuilder().Section().Interface().Enhanced(0, 5, FrameCorpus.All[0].Bytes).ToArray();
        byte[] capture = [.. head, .. new PcapngBuilder().Section(bigEndian: true).Interface().ToArray()];

        // When
        CaptureFormatException? error = Captures.ReadError(capture, out string file);

        // Then
        error.Should().NotBeNull();
        error!.Offset.Should().Be(head.Length);
        error.Message.Should().StartWith(file).And.Contain("pcapng block size");
    }

    [Fact]
    public void Given_interfaces_of_different_link_types_When_read_Then_libpcaps_refusal_names_the_file()
    {
        // Given: libpcap reads one link type per file, as tcpdump does
        byte[] rawIp = FrameBuilder.Ipv4("10.0.0.1", "10.0.0.2", 17, FrameBuilder.Udp("10.0.0.1", "10.0.0.2", 1, 2, [7]));
        byte[] capture = new PcapngBuilder().Section().Interface(linkType: 1).Interface(linkType: 101).Enhanced(1, 5, rawIp).ToArray();

        // When
        CaptureFormatException? error = Captures.ReadError(capture, out string file);

        // Then
        error.Should().NotBeNull();
        error!.Message.Should().StartWith(file).And.Contain("different from the type of the first interface");
    }

    [Fact]
    public void Given_a_simple_packet_block_longer_than_the_snap_length_When_read_Then_the_frame_is_cut_at_the_snap_length()
    {
        byte[] frame = FrameCorpus.All[8].Bytes;
        byte[] capture = new PcapngBuilder().Section().Interface(snapLength: 64).Simple(frame).ToArray();

        Frame read = Captures.ReadAll(capture).Single();

        read.Data.Length.Should().Be(64);
        read.OriginalLength.Should().Be(frame.Length);
    }
}
