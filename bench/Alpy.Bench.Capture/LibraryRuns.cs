using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Alpy.Bench.Capture;

/// <summary>SharpPcap and PacketDotNet through a whole file, as their users call them: read with a BPF filter; read and decode every frame.</summary>
internal static class LibraryRuns
{
    /// <summary>Reads the file with a BPF filter set on the device (libpcap runs it per record); returns how many frames passed.</summary>
    public static long Filter(string path, string expression)
    {
        using var device = new CaptureFileReaderDevice(path);
        device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
        device.Filter = expression;
        long matched = 0;
        GetPacketStatus status;
        while ((status = device.GetNextPacket(out _)) == GetPacketStatus.PacketRead)
        {
            matched++;
        }

        return status == GetPacketStatus.NoRemainingPackets ? matched : throw new InvalidOperationException(device.LastError);
    }

    /// <summary>
    /// The same with SharpPcap's <c>GetNextPacketPointers</c> (pcap_next_ex's pointers, valid until the next call), which
    /// skips the header object and the decimal timestamp <c>GetNextPacket</c> makes for every frame.
    /// </summary>
    public static long FilterWithPointers(string path, string expression)
    {
        using var device = new CaptureFileReaderDevice(path);
        device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
        device.Filter = expression;
        long matched = 0;
        nint header = 0;
        nint data = 0;
        int status;
        while ((status = device.GetNextPacketPointers(ref header, ref data)) == 1)
        {
            matched++;
        }

        return status == -2 ? matched : throw new InvalidOperationException(device.LastError);
    }

    /// <summary>Reads and decodes every frame with PacketDotNet and reads the fields of every layer; returns a sum of them so that nothing is skipped.</summary>
    public static long Decode(string path)
    {
        using var device = new CaptureFileReaderDevice(path);
        device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
        long sum = 0;
        while (device.GetNextPacket(out PacketCapture capture) == GetPacketStatus.PacketRead)
        {
            RawCapture raw = capture.GetPacket();
            sum += Fields(Packet.ParsePacket(raw.LinkLayerType, raw.Data)) + raw.PacketLength;
        }

        return sum;
    }

    private static long Fields(Packet packet)
    {
        long sum = 0;
        if (packet is EthernetPacket ethernet)
        {
            sum += ethernet.SourceHardwareAddress.GetHashCode() + ethernet.DestinationHardwareAddress.GetHashCode() + (int)ethernet.Type;
        }

        if (packet.Extract<Ieee8021QPacket>() is { } tag)
        {
            sum += tag.VlanIdentifier + (int)tag.PriorityControlPoint;
        }

        if (packet.Extract<IPv4Packet>() is { } ipv4)
        {
            sum += ipv4.TimeToLive + ipv4.TotalLength + ipv4.Id + (int)ipv4.Protocol + ipv4.SourceAddress.GetHashCode() + ipv4.DestinationAddress.GetHashCode() + ipv4.FragmentOffset;
        }
        else if (packet.Extract<IPv6Packet>() is { } ipv6)
        {
            sum += ipv6.HopLimit + ipv6.PayloadLength + ipv6.FlowLabel + ipv6.SourceAddress.GetHashCode() + ipv6.DestinationAddress.GetHashCode() + (int)ipv6.Protocol;
        }
        else if (packet.Extract<ArpPacket>() is { } arp)
        {
            sum += (int)arp.Operation + arp.HardwareAddressLength;
        }

        if (packet.Extract<TcpPacket>() is { } tcp)
        {
            sum += tcp.SourcePort + tcp.DestinationPort + tcp.SequenceNumber + tcp.AcknowledgmentNumber + tcp.Flags + tcp.WindowSize + tcp.PayloadData.Length;
        }
        else if (packet.Extract<UdpPacket>() is { } udp)
        {
            sum += udp.SourcePort + udp.DestinationPort + udp.Length + udp.PayloadData.Length;
        }
        else if (packet.Extract<IcmpV4Packet>() is { } icmp)
        {
            sum += (int)icmp.TypeCode + icmp.Id + icmp.Sequence;
        }

        return sum;
    }
}
