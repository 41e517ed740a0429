using System.Text;

namespace Alpy.Capture;

/// <summary>Chooses the printer for the network layer after the link header.</summary>
internal static class NetworkText
{
    /// <summary>False when the frame's network protocol is not one this library prints.</summary>
    public static bool TryAppend(StringBuilder text, in Packet packet, TcpdumpFormatOptions options, TcpSequenceTracker? tracker)
    {
        PacketLayout layout = packet.Layout;
        if (!layout.HasEtherType)
        {
            return false;
        }

        switch (layout.EtherType)
        {
            case (ushort)EtherType.Ipv4:
                Ipv4Text.Append(text, packet, layout, options, tracker);
                return true;
            case (ushort)EtherType.Ipv6:
                Ipv6Text.Append(text, packet, layout, options, tracker);
                return true;
            case (ushort)EtherType.Arp:
            case (ushort)EtherType.ReverseArp:
                ArpText.Append(text, packet, layout, options);
                return true;
            default:
                return false;
        }
    }
}
