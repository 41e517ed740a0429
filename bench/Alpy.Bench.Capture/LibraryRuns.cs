using System.Text;
using Alpy.Capture;

namespace Alpy.Bench.Capture;

/// <summary>The library's three ways through a file: filter with libpcap, decode every layer, print every frame as tcpdump does.</summary>
internal static class LibraryRuns
{
    /// <summary>Reads every frame and runs the compiled filter on it; returns how many matched.</summary>
    public static long Filter(string path, CaptureFilter filter)
    {
        long matched = 0;
        using CaptureReader reader = CaptureReader.Open(path);
        while (reader.TryRead(out CaptureRecord record))
        {
            matched += filter.Matches(record) ? 1 : 0;
        }

        return matched;
    }

    /// <summary>Reads and decodes every frame and reads the fields of every layer; returns a sum of them so that nothing is skipped.</summary>
    public static long Decode(string path)
    {
        long sum = 0;
        using CaptureReader reader = CaptureReader.Open(path);
        while (reader.TryRead(out CaptureRecord record))
        {
            var packet = Packet.Decode(record.LinkType, record.Data, record.OriginalLength);
            sum += Fields(packet);
        }

        return sum;
    }

    /// <summary>Reads, decodes and prints every frame as a tcpdump -n line into a UTF-8 stream that discards it (like > /dev/null).</summary>
    public static long Text(string path)
    {
        var formatter = new TcpdumpFormatter();
        var line = new StringBuilder(256);
        using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        long frames = 0;
        using CaptureReader reader = CaptureReader.Open(path);
        while (reader.TryRead(out CaptureRecord record))
        {
            line.Clear();
            formatter.Append(line, record.Number, record.TimestampNanoseconds, Packet.Decode(record.LinkType, record.Data, record.OriginalLength));
            line.Append('\n');
            output.Write(line);
            frames++;
        }

        return frames;
    }

    private static long Fields(in Packet packet)
    {
        long sum = packet.OriginalLength;
        if (packet.Ethernet is { } ethernet)
        {
            sum += ethernet.Source.GetHashCode() + ethernet.Destination.GetHashCode() + ethernet.TypeOrLength;
        }

        foreach (VlanTag tag in packet.Vlans)
        {
            sum += tag.Id + tag.Priority;
        }

        if (packet.Ipv4 is { } ipv4)
        {
            sum += ipv4.TimeToLive + ipv4.TotalLength + ipv4.Identification + (int)ipv4.Protocol + ipv4.SourceBytes[3] + ipv4.DestinationBytes[3] + ipv4.FragmentOffset;
        }
        else if (packet.Ipv6 is { } ipv6)
        {
            sum += ipv6.HopLimit + ipv6.PayloadLength + ipv6.FlowLabel + ipv6.SourceBytes[15] + ipv6.DestinationBytes[15] + (int)ipv6.UpperLayerProtocol;
        }
        else if (packet.Arp is { } arp)
        {
            sum += (int)arp.Operation + arp.HardwareLength;
        }

        if (packet.Tcp is { } tcp)
        {
            sum += tcp.SourcePort + tcp.DestinationPort + tcp.SequenceNumber + tcp.AcknowledgmentNumber + (int)tcp.Flags + tcp.Window
                + (tcp.MaximumSegmentSize ?? 0) + (tcp.WindowScale ?? 0) + tcp.Payload.Length;
        }
        else if (packet.Udp is { } udp)
        {
            sum += udp.SourcePort + udp.DestinationPort + udp.Length + udp.Payload.Length;
        }
        else if (packet.Icmp is { } icmp)
        {
            sum += (int)icmp.Type + icmp.Code + icmp.Identifier + icmp.SequenceNumber;
        }

        return sum;
    }
}
