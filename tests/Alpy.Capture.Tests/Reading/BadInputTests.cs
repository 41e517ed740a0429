using System.Buffers.Binary;

namespace Alpy.Capture.Tests.Reading;

/// <summary>
/// Corrupt, cut, empty and garbage captures: a clear error naming the file, the byte offset and libpcap's reason,
/// never a crash, a hang or an unbounded read. A cut last record of a file still being written is not an error.
/// </summary>
public sealed class BadInputTests
{
    private static readonly byte[] Frame = FrameCorpus.All[0].Bytes;

    public static TheoryData<string, byte[], long, string> PcapCases => new()
    {
        { "bad magic", [0xDE, 0xAD, 0xBE, 0xEF, .. new byte[40]], 0, "libpcap cannot read its header: unknown file format" },
        { "pcap version 3", new PcapBuilder(major: 3).ToArray(), 0, "unsupported pcap savefile version 3.4" },
        { "record beyond libpcap's limit", new PcapBuilder(snapLength: 0).Record(0, Frame, captured: 300_000).ToArray(), 24, "invalid packet capture length 300000, bigger than snaplen of 262144" },
        { "garbage after a record", new PcapBuilder().Record(0, Frame).Raw([.. Enumerable.Repeat((byte)0xFF, 64)]).ToArray(), 24 + 16 + Frame.Length, "invalid packet capture length 4294967295" },
        { "truncated record", new PcapBuilder().Record(0, Frame).Record(0, Frame).ToArray()[..^5], 24 + 16 + Frame.Length, $"the file ends inside a record (truncated dump file; tried to read {Frame.Length} captured bytes, only got {Frame.Length - 5})" },
        { "truncated record header", new PcapBuilder().Record(0, Frame).Raw(1, 2, 3).ToArray(), 24 + 16 + Frame.Length, "the file ends inside a record (truncated dump file; tried to read 16 header bytes, only got 3)" },
        { "truncated file header", new PcapBuilder().ToArray()[..10], 0, "libpcap cannot read its header: truncated dump file; tried to read 24 file header bytes, only got 6" },
        { "empty", [], 0, "the file is empty (libpcap: truncated dump file; tried to read 4 file header bytes, only got 0)" },
    };

    public static TheoryData<string, byte[], long, string> PcapngCases => new()
    {
        { "bad byte-order magic", new PcapngBuilder().Section().ToArray().Select((b, i) => i is >= 8 and < 12 ? (byte)0x11 : b).ToArray(), 0, "libpcap cannot read its header: unknown file format" },
        { "pcapng version 2", new PcapngBuilder().Section(major: 2).ToArray(), 0, "unsupported pcapng savefile version 2.0" },
        { "block length not a multiple of 4", Patch(new PcapngBuilder().Section().Interface().ToArray(), 28 + 4, 21), 0, "has a length of 21 that is not a multiple of 4" },
        { "block length below 12", Patch(new PcapngBuilder().Section().Interface().ToArray(), 28 + 4, 8), 0, "has a length of 8 < 12" },
        { "block length beyond libpcap's limit", Patch(new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray(), 48 + 4, 0x7FFF_FFF0), 48, "pcapng block size 2147483632 > maximum 16777216" },
        { "trailing length differs", PatchLast(new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray(), 99), 48, "block total length in header and trailer don't match" },
        { "packet of an undeclared interface", new PcapngBuilder().Section().Interface().Enhanced(3, 0, Frame).ToArray(), 48, "a packet arrived on interface 3, but there's no Interface Description Block for that interface" },
        { "captured length beyond the block", Patch(new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray(), 48 + 20, 500), 48, "block of type 6 in pcapng dump file is too short" },
        { "option past the end of its block", Patch(new PcapngBuilder().Section().Interface(name: "eth0").ToArray(), 28 + 18, 200), 0, "block of type 1 in pcapng dump file is too short" },
        { "truncated block", new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray()[..^3], 48, "the file ends inside a record (truncated pcapng dump file;" },
    };

    [Theory]
    [MemberData(nameof(PcapCases))]
    [MemberData(nameof(PcapngCases))]
    public void Given_a_corrupt_capture_When_read_Then_a_format_error_names_the_file_the_byte_offset_and_libpcaps_reason(string name, byte[] capture, long offset, string reason)
    {
        // When
        CaptureFormatException? error = Captures.ReadError(capture, out string file);

        // Then
        error.Should().NotBeNull($"\"{name}\" is not a valid capture");
        error!.Offset.Should().Be(offset);
        error.Reason.Should().Contain(reason);
        error.File.Should().Be(file);
        error.Message.Should().StartWith($"{file}: ").And.Contain($"from byte {offset}").And.Contain($"od -A d -t x1 -j {offset} -N 64 {file}");
    }

    [Fact]
    public void Given_a_block_claiming_a_huge_length_When_read_Then_the_error_comes_without_reading_or_allocating_what_it_claims()
    {
        // Given: a block that claims 15 MiB in a file of 100 bytes
        byte[] capture = Patch(new PcapngBuilder().Section().Interface().Enhanced(0, 0, Frame).ToArray(), 48 + 4, 15 * 1024 * 1024);

        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        CaptureFormatException? error = Captures.ReadError(capture, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        error.Should().NotBeNull();
        error!.Offset.Should().Be(48);
        allocated.Should().BeLessThan(2 * 1024 * 1024, "what a corrupt length claims is never allocated on the managed side");
    }

    [Fact]
    public void Given_a_cut_last_record_When_the_file_is_followed_Then_reading_stops_before_it_without_error_and_reads_it_once_complete()
    {
        // Given
        using var directory = new TempDirectory();
        var growing = new GrowingCapture(directory.File("growing.pcap"));
        growing.Append(Frame);
        byte[] rest = growing.AppendPartial(Frame, 9);
        var capture = new CaptureFile(growing.Path);

        // When
        CaptureWindow before = capture.Read();
        growing.Raw(rest);
        CaptureWindow after = capture.Read();

        // Then
        before.Should().ContainSingle();
        before.End.Offset.Should().Be(24 + 16 + Frame.Length, "the window ends before the record being written");
        after.Should().HaveCount(2);
    }

    [Fact]
    public void Given_a_file_whose_header_is_not_written_yet_When_followed_Then_it_holds_no_frames_yet()
    {
        using var directory = new TempDirectory();
        string file = directory.File("new.pcap");
        File.WriteAllBytes(file, new PcapBuilder().ToArray()[..10]);
        var capture = new CaptureFile(file);

        capture.Read().Should().BeEmpty();
        capture.Mark().FramesBefore.Should().Be(0);
    }

    /// <summary>Overwrites the last 32-bit field, a pcapng block's trailing length.</summary>
    private static byte[] PatchLast(byte[] capture, uint value) => Patch(capture, capture.Length - 4, value);

    /// <summary>Overwrites the 32-bit little-endian field at <paramref name="offset"/>.</summary>
    private static byte[] Patch(byte[] capture, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(capture.AsSpan(offset), value);
        return capture;
    }
}
