using System.Buffers.Binary;
using System.Collections;

namespace Alpy.Capture;

/// <summary>The VLAN tags of a frame, outermost first; empty when the frame is untagged. Reads the tags from the frame on access.</summary>
public readonly struct VlanTagList : IReadOnlyList<VlanTag>
{
    private readonly ReadOnlyMemory<byte> _frame;
    private readonly int _typeField;
    private readonly int _payload;

    internal VlanTagList(ReadOnlyMemory<byte> frame, int typeField, int payload, int count)
    {
        _frame = frame;
        _typeField = typeField;
        _payload = payload;
        Count = count;
    }

    public int Count { get; }

    public VlanTag this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The frame has {Count} VLAN tag(s).");
            }

            ReadOnlySpan<byte> frame = _frame.Span;
            // The first tag's TPID sits in the link header's type field; each later TPID follows the previous TCI.
            int tpidAt = index == 0 ? _typeField : _payload + (4 * index) - 2;
            int tciAt = _payload + (4 * index);
            ushort tci = BinaryPrimitives.ReadUInt16BigEndian(frame[tciAt..]);
            return new VlanTag((EtherType)BinaryPrimitives.ReadUInt16BigEndian(frame[tpidAt..]), (byte)(tci >> 13), (tci & 0x1000) != 0, (ushort)(tci & 0x0FFF));
        }
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<VlanTag> IEnumerable<VlanTag>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates without allocating.</summary>
    public struct Enumerator : IEnumerator<VlanTag>
    {
        private readonly VlanTagList _list;
        private int _index;

        internal Enumerator(VlanTagList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly VlanTag Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
