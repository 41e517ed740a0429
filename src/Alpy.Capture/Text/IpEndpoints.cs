using System.Text;

namespace Alpy.Capture;

/// <summary>The source and destination addresses of an IP packet, for printers that print them next to ports.</summary>
internal readonly ref struct IpEndpoints
{
    public IpEndpoints(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        Source = source;
        Destination = destination;
    }

    public ReadOnlySpan<byte> Source { get; }

    public ReadOnlySpan<byte> Destination { get; }

    public bool IsIpv6 => Source.Length == 16;

    public static StringBuilder AppendAddress(StringBuilder text, ReadOnlySpan<byte> address) =>
        address.Length == 16 ? text.AppendIpv6(address) : text.AppendIpv4(address);

    /// <summary>"src > dst".</summary>
    public StringBuilder Append(StringBuilder text)
    {
        AppendAddress(text, Source).Append(" > ");
        return AppendAddress(text, Destination);
    }

    /// <summary>"src.sport > dst.dport: ", or "sport > dport: " when the IP printer already printed the addresses (IPv6 with extension headers).</summary>
    public StringBuilder AppendPorts(StringBuilder text, ushort sourcePort, ushort destinationPort, bool addressesPrinted)
    {
        if (addressesPrinted)
        {
            return text.Append(sourcePort).Append(" > ").Append(destinationPort).Append(": ");
        }

        AppendAddress(text, Source).Append('.').Append(sourcePort).Append(" > ");
        return AppendAddress(text, Destination).Append('.').Append(destinationPort).Append(": ");
    }
}
