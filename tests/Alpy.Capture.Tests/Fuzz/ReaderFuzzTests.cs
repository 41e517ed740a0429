namespace Alpy.Capture.Tests.Fuzz;

/// <summary>
/// Random and damaged captures read to the end through SharpPcap, strictly and while followed, every frame
/// decoded by PacketDotNet, summarised and filtered: the only exception allowed is <see cref="CaptureFormatException"/>,
/// reading never outruns the input, and managed memory stays within a small multiple of it. A sample is printed by
/// tcpdump. Seeds are fixed so that a failure replays.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private static readonly byte[][] Seeds = BuildSeeds();
    private readonly CaptureFilter _filter = new("tcp or udp or icmp or vlan or arp");
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        _filter.Dispose();
        _directory.Dispose();
    }

    [Fact(Timeout = 300_000)]
    public async Task Given_damaged_captures_When_read_decoded_and_filtered_Then_only_format_errors_escape()
    {
        await Task.Yield();
        var random = new Random(20260101);
        for (int i = 0; i < 4000; i++)
        {
            byte[] seed = Seeds[i % Seeds.Length];
            byte[] capture = Mutator.Mutate(seed, random, out string mutation);
            Exercise(capture, $"case {i}: seed {i % Seeds.Length}, {mutation}", print: i % 200 == 0);
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Given_random_bytes_behind_a_valid_magic_When_read_Then_only_format_errors_escape()
    {
        await Task.Yield();
        var random = new Random(7);
        byte[][] starts = [[0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0xC3, 0xD4], [0x4D, 0x3C, 0xB2, 0xA1], [0x0A, 0x0D, 0x0D, 0x0A], []];
        for (int i = 0; i < 3000; i++)
        {
            byte[] noise = new byte[random.Next(0, 3000)];
            random.NextBytes(noise);
            byte[] start = starts[i % starts.Length];
            byte[] capture = [.. start, .. noise];
            if (start.Length == 4 && start[0] == 0x0A && capture.Length >= 12)
            {
                capture[8] = 0x4D; // a valid byte-order magic, to get past the section header
                capture[9] = 0x3C;
                capture[10] = 0x2B;
                capture[11] = 0x1A;
            }

            Exercise(capture, $"random case {i}", print: i % 200 == 0);
        }
    }

    private void Exercise(byte[] capture, string name, bool print)
    {
        string file = _directory.File("fuzz.pcap");
        File.WriteAllBytes(file, capture);
        foreach (bool follow in new[] { false, true })
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                CaptureWindow frames = follow ? new CaptureFile(file).Read() : CaptureWindow.Load(file);
                (frames.Count * 12).Should().BeLessThanOrEqualTo(capture.Length, $"{name}: every record takes at least 12 bytes, so reading cannot outrun the input");
                foreach (Frame frame in frames)
                {
                    _ = frame.ToString();
                    MatchUnlessLinkTypeUnfit(frame, name);
                }

                _ = frames.Matching(frame => frame.Packet.Extract<PacketDotNet.TcpPacket>()?.DestinationPort == 80, "to port 80");
                if (print && !follow)
                {
                    _ = frames.ToText();
                }
            }
            catch (CaptureFormatException error)
            {
                error.Offset.Should().BeInRange(0, capture.Length, name);
                error.File.Should().Be(file);
            }
            catch (Exception error) when (error is not FluentAssertions.Execution.AssertionFailedException)
            {
                throw new InvalidOperationException($"{name} (follow: {follow}) raised {error.GetType().Name}: {error.Message}", error);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThan((64L * capture.Length) + (2 * 1024 * 1024), $"{name}: memory follows the input, not what its length fields claim");
        }
    }

    /// <summary>Damaged headers make up link types the expression does not fit (vlan on raw IP) or libpcap does not know; the filter must say so, nothing worse.</summary>
    private void MatchUnlessLinkTypeUnfit(Frame frame, string name)
    {
        try
        {
            _ = _filter.Matches(frame);
        }
        catch (CaptureFilterException error) when (frame.LinkType != PacketDotNet.LinkLayers.Ethernet)
        {
            error.Message.Should().Contain($"for {frame.LinkType} frames", name);
        }
    }

    private static byte[][] BuildSeeds()
    {
        var pcap = new PcapBuilder();
        var bigEndian = new PcapBuilder(bigEndian: true, nanoseconds: true, snapLength: 1500);
        PcapngBuilder pcapng = new PcapngBuilder().Section().Interface(name: "link1", resolution: 9);
        foreach (CorpusFrame frame in FrameCorpus.All)
        {
            pcap.Record(CorpusFile.StartNanoseconds, frame.Bytes, original: (uint)(frame.OriginalLength ?? frame.Bytes.Length));
            bigEndian.Record(CorpusFile.StartNanoseconds, frame.Bytes);
            pcapng.Enhanced(0, 5, frame.Bytes).Simple(frame.Bytes);
        }

        return [pcap.ToArray(), bigEndian.ToArray(), pcapng.ToArray()];
    }
}
