namespace Alpy.Capture.Tests.Comparison;

/// <summary>
/// SharpPcap, PacketDotNet and the library against tcpdump on the same capture of real traffic (see
/// <see cref="TrafficScript"/>): the same frames, the same addresses, ports and protocols, the same text, the same
/// frames selected by each filter, the same nanosecond timestamps.
/// </summary>
public sealed class RealTrafficTests(RealTrafficCapture capture) : IClassFixture<RealTrafficCapture>
{
    public static TheoryData<string> Filters => new()
    {
        "tcp", "udp", "icmp", "icmp6", "arp", "ip6", "tcp dst port 8888", "tcp[tcpflags] & tcp-syn != 0",
        "tcp[tcpflags] == tcp-syn|tcp-ack", "icmp[icmptype] == icmp-echo", "icmp[icmptype] == icmp-echoreply",
        "icmp6 and ip6[40] == 135", "vlan", "vlan 10 and udp", "vlan 100", "ip[6:2] & 0x3fff != 0", "ip6 and ip6[6] == 44",
        "udp port 7777", "host 10.77.0.1 and not icmp", "src host fd77::1", "ether src 02:00:00:00:00:0a", "greater 1000",
        "less 64", "ether proto 0x88b5", "ip proto 253", "not ip and not ip6 and not arp", "",
    };

    [Fact]
    public async Task Given_real_traffic_captured_by_tcpdump_When_read_Then_the_library_finds_the_same_frames_as_tcpdump()
    {
        // Given
        IReadOnlyList<string> expected = await Tcpdump.ReadLinesAsync(capture.File, cancellationToken: TestContext.Current.CancellationToken);

        // When
        CaptureWindow frames = CaptureWindow.Load(capture.File);

        // Then
        expected.Should().HaveCountGreaterThan(150, "the script sends pings, connections, UDP and the whole corpus");
        frames.Should().HaveCount(expected.Count);
    }

    [Fact]
    public async Task Given_real_traffic_When_decoded_by_PacketDotNet_Then_each_whole_frame_has_the_addresses_ports_and_protocol_tcpdump_prints()
    {
        // Given
        IReadOnlyList<string> lines = await Tcpdump.ReadLinesAsync(capture.File, cancellationToken: TestContext.Current.CancellationToken);

        // When
        CaptureWindow frames = CaptureWindow.Load(capture.File);

        // Then
        var differences = frames.Zip(lines)
            .Select(pair => (pair.First, pair.Second, Mine: FrameFields.FromFrame(pair.First), Theirs: FrameFields.FromTcpdump(pair.Second)))
            .Where(x => x.Mine != x.Theirs && !FrameFields.IsMalformedOrCut(x.Second))
            .Select(x => $"#{x.First.Number} {x.Second}\n  tcpdump: {x.Theirs}\n  PacketDotNet: {x.Mine}")
            .ToList();
        differences.Should().BeEmpty();
        lines.Count(FrameFields.IsMalformedOrCut).Should().BeLessThan(20, "only the hand-built malformed and cut frames are left out");
        frames.Select(FrameFields.FromFrame).Count(fields => fields.Kind != "other").Should().BeGreaterThan(100, "most frames are IP or ARP");
    }

    [Fact]
    public async Task Given_real_traffic_When_a_window_prints_its_frames_Then_the_text_is_tcpdumps_own_for_the_file()
    {
        // Given
        string tcpdump = await Tcpdump.PrintAsync(capture.File, TestContext.Current.CancellationToken);

        // When
        string text = CaptureWindow.Load(capture.File).ToText();

        // Then: the window's frames, written to a pcap of their own, print exactly as the original file does
        text.Should().Be(tcpdump);
        text.Split('\n').Should().HaveCountGreaterThan(150);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Given_real_traffic_When_filtered_Then_the_same_frames_pass_as_with_tcpdump(string filter)
    {
        // Given
        IReadOnlyList<string> expected = await Tcpdump.ReadLinesAsync(capture.File, ["-tt"], filter, TestContext.Current.CancellationToken);

        // When
        CaptureWindow selected = CaptureWindow.Load(capture.File).Matching(filter);

        // Then
        selected.Select(EpochTime).Should().Equal(expected.Select(line => line.Split(' ')[0]));
    }

    [Fact]
    public async Task Given_a_nanosecond_capture_When_read_Then_each_timestamp_is_the_one_tcpdump_prints_to_the_nanosecond()
    {
        // Given
        IReadOnlyList<string> expected = await Tcpdump.ReadLinesAsync(capture.NanosecondFile, ["-tt", "--time-stamp-precision=nano"], cancellationToken: TestContext.Current.CancellationToken);

        // When
        CaptureWindow frames = CaptureWindow.Load(capture.NanosecondFile);

        // Then
        frames.Select(frame => $"{frame.TimestampNanoseconds / 1_000_000_000}.{frame.TimestampNanoseconds % 1_000_000_000:000000000}")
            .Should().Equal(expected.Select(line => line.Split(' ')[0]));
        frames.Select(frame => frame.TimestampNanoseconds % 1000).Should().Contain(value => value != 0, "a nanosecond capture carries more than microseconds");
    }

    private static string EpochTime(Frame frame) =>
        $"{frame.TimestampNanoseconds / 1_000_000_000}.{frame.TimestampNanoseconds % 1_000_000_000 / 1000:000000}";
}
