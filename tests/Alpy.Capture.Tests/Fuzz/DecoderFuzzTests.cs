namespace Alpy.Capture.Tests.Fuzz;

/// <summary>Arbitrary bytes decoded under every link type, and every corpus frame cut at every length: decoding, printing and checksums never throw.</summary>
public sealed class DecoderFuzzTests
{
    private static readonly LinkType[] LinkTypes =
        [LinkType.Ethernet, LinkType.Raw, LinkType.Ipv4, LinkType.Ipv6, LinkType.LinuxSll, LinkType.LinuxSll2, LinkType.Null, LinkType.Loop, (LinkType)147];

    [Fact(Timeout = 300_000)]
    public async Task Given_random_bytes_under_every_link_type_When_decoded_and_printed_Then_nothing_throws()
    {
        await Task.Yield();
        var random = new Random(1234);
        for (int i = 0; i < 6000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            // Make IP versions likely so that deeper layers are reached.
            if (bytes.Length > 20 && i % 3 == 0)
            {
                bytes[0] = (byte)(i % 2 == 0 ? 0x45 : 0x60);
            }

            Exercise(LinkTypes[i % LinkTypes.Length], bytes, $"random case {i}");
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Given_corpus_frames_cut_at_every_length_and_damaged_When_decoded_and_printed_Then_nothing_throws()
    {
        await Task.Yield();
        var random = new Random(99);
        foreach (CorpusFrame frame in FrameCorpus.All)
        {
            for (int length = 0; length <= frame.Bytes.Length; length++)
            {
                Exercise(LinkType.Ethernet, frame.Bytes[..length], $"{frame.Name} cut at {length}", frame.Bytes.Length);
            }

            for (int i = 0; i < 20; i++)
            {
                byte[] damaged = frame.Bytes.ToArray();
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                Exercise(LinkType.Ethernet, damaged, $"{frame.Name} damaged ({i})");
            }
        }
    }

    private static void Exercise(LinkType linkType, byte[] bytes, string name, int originalLength = -1)
    {
        try
        {
            var packet = Packet.Decode(linkType, bytes, originalLength);
            Inspector.Touch(packet);
            var formatter = new TcpdumpFormatter(new TcpdumpFormatOptions { LinkLevel = bytes.Length % 2 == 0 });
            _ = formatter.Format(1, 0, packet);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"{name} ({linkType}, {Convert.ToHexString(bytes)}) raised {error.GetType().Name}: {error.Message}", error);
        }
    }
}
