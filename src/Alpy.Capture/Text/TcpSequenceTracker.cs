namespace Alpy.Capture;

/// <summary>
/// Remembers where each TCP conversation's sequence numbers start, so that lines show them relative to the
/// start as tcpdump does without -S: the first segment with ACK set (normally the SYN-ACK) records both
/// directions' bases and prints absolute numbers; later segments print offsets from the bases. Bounded: past
/// <see cref="MaxConversations"/> it forgets everything and starts again.
/// </summary>
internal sealed class TcpSequenceTracker
{
    public const int MaxConversations = 65_536;

    private readonly Dictionary<Conversation, (uint Sequence, uint Acknowledgment)> _bases = [];

    /// <summary>Adjusts a segment's numbers; returns the bases that SACK blocks are relative to.</summary>
    /// <param name="reversed">Whether this segment flows against the conversation's recorded direction.</param>
    public (uint Sequence, uint Acknowledgment) Adjust(IpEndpoints endpoints, ushort sourcePort, ushort destinationPort, bool syn, ref uint sequence, ref uint acknowledgment, out bool reversed)
    {
        int comparison = sourcePort.CompareTo(destinationPort);
        reversed = comparison > 0 || (comparison == 0 && endpoints.Source.SequenceCompareTo(endpoints.Destination) > 0);
        var key = new Conversation(
            ToKey(reversed ? endpoints.Destination : endpoints.Source),
            ToKey(reversed ? endpoints.Source : endpoints.Destination),
            reversed ? ((uint)destinationPort << 16) | sourcePort : ((uint)sourcePort << 16) | destinationPort,
            endpoints.IsIpv6);
        if (syn || !_bases.TryGetValue(key, out (uint Sequence, uint Acknowledgment) bases))
        {
            if (_bases.Count >= MaxConversations)
            {
                _bases.Clear();
            }

            bases = reversed ? (acknowledgment - 1, sequence) : (sequence, acknowledgment - 1);
            _bases[key] = bases;
            return bases;
        }

        if (reversed)
        {
            sequence -= bases.Acknowledgment;
            acknowledgment -= bases.Sequence;
        }
        else
        {
            sequence -= bases.Sequence;
            acknowledgment -= bases.Acknowledgment;
        }

        return bases;
    }

    private static UInt128 ToKey(ReadOnlySpan<byte> address)
    {
        Span<byte> padded = stackalloc byte[16];
        address.CopyTo(padded);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(padded);
    }

    private readonly record struct Conversation(UInt128 Source, UInt128 Destination, uint Ports, bool Ipv6);
}
