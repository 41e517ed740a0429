using System.Buffers.Binary;

namespace Alpy.Capture.Tests.Reading;

/// <summary>Corrupt and truncated captures: a clear error naming the byte offset, never a crash or a large allocation.</summary>
public sealed class BadInputTests
{
    private static readonly byte[] Frame = FrameCorpus.All[0].Bytes;

    public static TheoryData<string, byte[], long, string> PcapCases => new()
    {
        { "bad magic", [0xDE, 0xAD, 0xBE, 0xEF, .. new byte[40]], 0, "neither a pcap magic number" },
        { "pcap version 3", new PcapBuilder(major: 3).ToArray(), 4, "pcap version 3.4 is not supported" },
        { "record longer than the snap length", new PcapBuilder(snapLength: 64).Record(0, new byte[65]).ToArray(), 24, "more than the file's snap length 64" },
        { "record beyond the reader's limit", new PcapBuilder(snapLength: 0).Record(0, Frame, captured: 300_000).ToArray(), 24, "more than the largest frame accepted" },
        { "garbage after a record", new PcapBuilder().Record(0, Frame).Raw([.. Enumerable.Repeat((byte)0xFF, 64)]).ToArray(), 24 + 16 + Frame.Length, "captured bytes" },
        { "truncated record", new PcapBuilder().Record(0, Frame).Record(0, Frame).ToArray()[..^5], 24 + 16 + Frame.Length, "the file is truncated" },
        { "truncated record header", new PcapBuilder().Record(0, Frame).Raw(1, 2, 3).ToArray(), 24 + 16 + Frame.Length, "into a record that needs 16" },
        { "truncated file header", new PcapBuilder().ToArray()[..10], 0, "into a file header that needs 24" },
        { "empty", [], 0, "the file is empty" },
    };

    public static TheoryData<string, byte[], long, string> PcapngCases => new()
    {
        { "bad byte-order magic", new PcapngBuilder().Section().ToArray().Select((b, i) => i is >= 8 and < 12 ? (byte)0x11 : b).ToArray(), 8, "byte-order magic" },
        { "pcapng version 2", new PcapngBuilder().Section(major: 2).ToArray(), 0, "pcapng version 2.0 is not supported" },
        { "block length not a multiple of 4", Patch(new PcapngBuilder().Section().Interface().ToArray(), 28 + 4, 21), 28, "multiple of 4" },
        { "block length below 12", Patch(new PcapngBuilder().Section().Interface().ToArray(), 28 + 4, 8), 28, "at least 12" },
        { "block length beyond the limit", Patch(new PcapngBuilder().Section().Interface().ToArray(), 28 + 4, 0x7FFF_FFF0), 28, "CaptureReaderOptions.MaxBlockLength" },
        { "trailing length differs", Patch(new PcapngBuilder().Section().Interface().ToArray(), 28 + 16, 99), 28, "ends with length 99" },
        { "packet of an undeclared interface", new PcapngBuilder().Section().Interface().Enhanced(3, 0, Frame).ToArray(), 48, "refers to interface 3" },
        { "simple packet without interface", new PcapngBuilder().Section().Simple(Frame).ToArray(), 28, "refers to interface 0" },
        { "captured length beyond the block", Patch(new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray(), 48 + 20, 500), 48, "has room for" },
        { "captured length beyond the snap length", new PcapngBuilder().Section().Interface(snapLength: 32).Enhanced(0, 0, Frame).ToArray(), 48, "snap length 32 of interface 0" },
        { "option past the end of its block", Patch(new PcapngBuilder().Section().Interface(name: "eth0").ToArray(), 28 + 18, 200), 28, "runs past the end" },
        { "unknown timestamp resolution", new PcapngBuilder().Section().Interface(resolution: 0x50).ToArray(), 28, "if_tsresol" },
        { "truncated block", new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray()[..^3], 48, "the file is truncated" },
    };

    [Theory]
    [MemberData(nameof(PcapCases))]
    [MemberData(nameof(PcapngCases))]
    public void Given_a_corrupt_capture_When_read_Then_a_format_error_names_the_file_and_the_byte_offset(string name, byte[] capture, long offset, string reason)
    {
        // When
        CaptureFormatException? error = Captures.ReadError(capture);

        // Then
        error.Should().NotBeNull($"\"{name}\" is not a valid capture");
        error!.Offset.Should().Be(offset);
        error.Reason.Should().Contain(reason);
        error.Message.Should().StartWith("test.pcap: ").And.Contain($"at byte offset {offset}").And.Contain($"od -A d -t x1 -j {offset}");
    }

    [Fact]
    public void Given_too_many_interfaces_When_read_Then_the_reader_stops_at_the_limit()
    {
        var builder = new PcapngBuilder().Section();
        for (int i = 0; i < 9; i++)
        {
            builder.Interface();
        }

        CaptureFormatException? error = Captures.ReadError(builder.ToArray(), new CaptureReaderOptions { MaxInterfaces = 8 });

        error!.Reason.Should().Contain("more than 8 interfaces");
        error.Offset.Should().Be(28 + (8 * 20));
    }

    [Fact]
    public void Given_a_block_claiming_a_huge_length_When_read_Then_memory_grows_only_with_the_bytes_really_there()
    {
        // Given: a block that claims 15 MiB (within the limit) in a file of 100 bytes
        byte[] capture = Patch(new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray(), 48 + 4, 15 * 1024 * 1024);

        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        CaptureFormatException? error = Captures.ReadError(capture);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        error!.Reason.Should().Contain("the file is truncated");
        allocated.Should().BeLessThan(2 * 1024 * 1024, "the reader may not allocate what a corrupt length claims");
    }

    [Fact]
    public void Given_a_truncated_last_record_When_read_in_follow_mode_Then_reading_stops_before_it_without_error()
    {
        byte[] capture = new PcapBuilder().Record(0, Frame).Record(0, Frame).ToArray()[..^5];

        using var reader = new CaptureReader(new MemoryStream(capture), "growing.pcap", new CaptureReaderOptions { Follow = true });
        int frames = 0;
        while (reader.TryRead(out _))
        {
            frames++;
        }

        frames.Should().Be(1);
        reader.EndsInsideRecord.Should().BeTrue();
        reader.Position.Should().Be(24 + 16 + Frame.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Given_invalid_reader_options_When_a_reader_is_made_Then_an_argument_error_names_the_option(int bufferSize)
    {
        Action make = () => _ = new CaptureReader(new MemoryStream(), "x", new CaptureReaderOptions { BufferSize = bufferSize, MaxFrameLength = 10 });

        make.Should().Throw<ArgumentException>().WithMessage("CaptureReaderOptions.*");
    }

    /// <summary>Overwrites the 32-bit little-endian field at <paramref name="offset"/>.</summary>
    private static byte[] Patch(byte[] capture, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(capture.AsSpan(offset), value);
        return capture;
    }
}
