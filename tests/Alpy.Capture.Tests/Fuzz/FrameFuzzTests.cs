using PacketDotNet;

namespace Alpy.Capture.Tests.Fuzz;

/// <summary>
/// Arbitrary bytes under several link types, and every corpus frame cut at every length and damaged: a frame's
/// summary, a BPF filter and a predicate over PacketDotNet's layers never throw; a field PacketDotNet cannot read
/// makes the frame not match.
/// </summary>
public sealed class FrameFuzzTests : IDisposable
{
    // Link types as SharpPcap's readers report them: libpcap's DLT values (raw IP is DLT_RAW, 12 on Linux).
    private static readonly LinkLayers[] LinkTypes = [LinkLayers.Ethernet, LinkLayers.RawLegacy, LinkLayers.LinuxSll, LinkLayers.Null, LinkLayers.Loop];

    private readonly Dictionary<LinkLayers, CaptureFilter> _filters = LinkTypes.ToDictionary(type => type, type => new CaptureFilter(type == LinkLayers.Ethernet ? "tcp or udp or vlan or arp" : "tcp or udp or icmp"));

    public void Dispose()
    {
        foreach (CaptureFilter filter in _filters.Values)
        {
            filter.Dispose();
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Given_random_bytes_under_several_link_types_When_summarised_filtered_and_matched_Then_nothing_throws()
    {
        await Task.Yield();
        var random = new Random(1234);
        var frames = new List<Frame>();
        for (int i = 0; i < 6000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            // Make IP versions likely so that deeper layers are reached.
            if (bytes.Length > 20 && i % 3 == 0)
            {
                bytes[0] = (byte)(i % 2 == 0 ? 0x45 : 0x60);
            }

            frames.Add(new Frame(i + 1, 0, bytes.Length, LinkTypes[i % LinkTypes.Length], bytes));
        }

        Exercise(frames, "random bytes");
    }

    [Fact(Timeout = 300_000)]
    public async Task Given_corpus_frames_cut_at_every_length_and_damaged_When_summarised_filtered_and_matched_Then_nothing_throws()
    {
        await Task.Yield();
        var random = new Random(99);
        var frames = new List<Frame>();
        foreach (CorpusFrame frame in FrameCorpus.All)
        {
            for (int length = 0; length <= frame.Bytes.Length; length++)
            {
                frames.Add(new Frame(frames.Count + 1, 0, frame.Bytes.Length, LinkLayers.Ethernet, frame.Bytes[..length]));
            }

            for (int i = 0; i < 20; i++)
            {
                byte[] damaged = frame.Bytes.ToArray();
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                frames.Add(new Frame(frames.Count + 1, 0, damaged.Length, LinkLayers.Ethernet, damaged));
            }
        }

        Exercise(frames, "cut and damaged corpus frames");
    }

    [Fact]
    public void Given_a_frame_cut_inside_its_tcp_header_When_a_predicate_reads_its_ports_Then_it_does_not_match_and_nothing_throws()
    {
        // Given: PacketDotNet throws when the port it is asked for was not captured (dotpcap/packetnet#18)
        byte[] syn = FrameCorpus.All.Single(frame => frame.Name == "TCP SYN").Bytes;
        var cut = new Frame(1, 0, syn.Length, LinkLayers.Ethernet, syn[..(14 + 20 + 1)]);
        var whole = new Frame(2, 0, syn.Length, LinkLayers.Ethernet, syn);
        Action read = () => _ = cut.Packet.Extract<TcpPacket>()?.DestinationPort;
        read.Should().Throw<Exception>().Which.Should().Match<Exception>(e => Frame.IsDecodingFailure(e));
        using var directory = new TempDirectory();
        CaptureWindow window = Window(directory, cut, whole);

        // When
        CaptureWindow matching = window.Matching(frame => frame.Packet.Extract<TcpPacket>()?.DestinationPort == 8888, "TCP to port 8888");

        // Then
        matching.Select(frame => frame.Number).Should().Equal(2);
        cut.ToString().Should().StartWith("#1 ");
    }

    private void Exercise(List<Frame> frames, string name)
    {
        foreach (Frame frame in frames)
        {
            try
            {
                _ = frame.ToString();
                _ = _filters[frame.LinkType].Matches(frame);
            }
            catch (Exception error)
            {
                throw new InvalidOperationException($"{name}: frame #{frame.Number} ({frame.LinkType}, {Convert.ToHexString(frame.Data.Span)}) raised {error.GetType().Name}: {error.Message}", error);
            }
        }

        using var directory = new TempDirectory();
        CaptureWindow window = Window(directory, [.. frames.Where(frame => frame.LinkType == LinkLayers.Ethernet)]);
        window.Matching(frame => frame.Packet.Extract<IPPacket>()?.SourceAddress.ToString() == "10.77.0.1" || frame.Packet.Extract<UdpPacket>()?.Length > 7, "deep fields")
            .Count.Should().BeLessThanOrEqualTo(window.Count);
    }

    private static CaptureWindow Window(TempDirectory directory, params Frame[] frames)
    {
        string file = directory.File("frames.pcap");
        var builder = new PcapBuilder();
        foreach (Frame frame in frames)
        {
            builder.Record(0, frame.Data.ToArray(), original: (uint)frame.OriginalLength);
        }

        return CaptureWindow.Load(builder.WriteTo(file));
    }
}
