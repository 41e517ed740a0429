using System.Buffers.Binary;

namespace Alpy.Capture;

/// <summary>Steps through IPv6 extension headers; shared by the decoder and <see cref="Ipv6Packet"/> so both walk alike.</summary>
internal static class Ipv6HeaderChain
{
    /// <summary>More extension headers than this end the walk (a real packet has a handful).</summary>
    public const int MaxHeaders = 16;

    /// <summary>Whether <paramref name="protocol"/> names an extension header that is followed by another header.</summary>
    public static bool IsExtension(byte protocol) => protocol is 0 or 43 or 44 or 51 or 60 or 135 or 139 or 140;

    /// <summary>Reads the extension header at the start of <paramref name="bytes"/>; false when it is not all there.</summary>
    public static bool TryRead(byte protocol, ReadOnlySpan<byte> bytes, out byte next, out int length)
    {
        next = 0;
        length = protocol switch
        {
            (byte)IpProtocol.Fragment => 8,
            (byte)IpProtocol.AuthenticationHeader => bytes.Length >= 2 ? (bytes[1] + 2) * 4 : 2,
            _ => bytes.Length >= 2 ? (bytes[1] + 1) * 8 : 2,
        };
        if (bytes.Length < length)
        {
            return false;
        }

        next = bytes[0];
        return true;
    }

    /// <summary>Whether the fragment header at the start of <paramref name="header"/> has a non-zero offset.</summary>
    public static bool IsLaterFragment(ReadOnlySpan<byte> header) => (BinaryPrimitives.ReadUInt16BigEndian(header[2..]) & 0xFFF8) != 0;

    /// <summary>Visits the complete extension headers of an IPv6 packet in order, stopping after a non-first fragment header.</summary>
    public ref struct Walker
    {
        private readonly ReadOnlySpan<byte> _packet;
        private bool _stopped;

        public Walker(ReadOnlySpan<byte> packet)
        {
            _packet = packet;
            Protocol = packet[6];
            Offset = 40;
        }

        /// <summary>After the walk: the upper-layer protocol; during it, the header about to be visited.</summary>
        public byte Protocol { get; private set; }

        /// <summary>After the walk: where the upper layer starts.</summary>
        public int Offset { get; private set; }

        /// <summary>Extension headers visited so far.</summary>
        public int Count { get; private set; }

        public bool MoveNext(out byte protocol, out byte next, out int offset, out int length)
        {
            protocol = Protocol;
            offset = Offset;
            next = 0;
            length = 0;
            if (_stopped || Count == MaxHeaders || !IsExtension(Protocol) || !TryRead(Protocol, _packet[Offset..], out next, out length))
            {
                return false;
            }

            Count++;
            _stopped = Protocol == (byte)IpProtocol.Fragment && IsLaterFragment(_packet[Offset..]);
            Protocol = next;
            Offset += length;
            return true;
        }
    }
}
