using System.Diagnostics.CodeAnalysis;

namespace Alpy.Capture;

/// <summary>TCP control bits, as in the header (bit 8 is the accurate-ECN/nonce bit).</summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "RFC 9293 calls them flags; tcpdump prints Flags [...].")]
public enum TcpFlags : ushort
{
    None = 0,
    Fin = 0x001,
    Syn = 0x002,
    Rst = 0x004,
    Psh = 0x008,
    Ack = 0x010,
    Urg = 0x020,
    Ece = 0x040,
    Cwr = 0x080,
    Ae = 0x100,
}
