namespace Alpy.Capture;

/// <summary>One interface described by a pcapng Interface Description Block, with its timestamp unit resolved.</summary>
internal sealed class PcapngInterface
{
    private readonly int _exponent;
    private readonly bool _binary;
    private readonly long _multiplier;
    private readonly long _offsetNanoseconds;

    /// <param name="resolution">The if_tsresol option byte: bit 7 set means 2^-n seconds, clear means 10^-n (default 6).</param>
    /// <param name="offsetSeconds">The if_tsoffset option: seconds to add to every timestamp.</param>
    public PcapngInterface(LinkType linkType, int snapLength, byte resolution, long offsetSeconds)
    {
        LinkType = linkType;
        SnapLength = snapLength;
        _binary = (resolution & 0x80) != 0;
        _exponent = resolution & 0x7f;
        _multiplier = !_binary && _exponent <= 9 ? Pow10(9 - _exponent) : 0;
        _offsetNanoseconds = Saturate((Int128)offsetSeconds * 1_000_000_000);
    }

    public LinkType LinkType { get; }

    /// <summary>Largest captured length of this interface's packets; 0 means unlimited.</summary>
    public int SnapLength { get; }

    /// <summary>True when if_tsresol names a unit this reader can convert (10^-0..10^-19 or 2^-0..2^-63 seconds).</summary>
    public bool HasSupportedResolution => _binary ? _exponent <= 63 : _exponent <= 19;

    /// <summary>Converts a timestamp in this interface's units to nanoseconds since the epoch, saturating instead of overflowing.</summary>
    public long ToNanoseconds(ulong units)
    {
        Int128 nanoseconds;
        if (_multiplier != 0)
        {
            // Microseconds, nanoseconds and milliseconds: one multiplication, the common case.
            nanoseconds = (Int128)units * _multiplier;
        }
        else if (_binary)
        {
            nanoseconds = ((Int128)units * 1_000_000_000) >> _exponent;
        }
        else
        {
            nanoseconds = (Int128)units / Pow10(_exponent - 9);
        }

        return Saturate(nanoseconds + _offsetNanoseconds);
    }

    private static long Pow10(int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    private static long Saturate(Int128 value) =>
        value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
}
