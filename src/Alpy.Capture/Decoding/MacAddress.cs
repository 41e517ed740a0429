using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Alpy.Capture;

/// <summary>A 48-bit Ethernet address, printed the way tcpdump prints it (<c>52:54:00:12:34:56</c>).</summary>
public readonly struct MacAddress : IEquatable<MacAddress>, ISpanFormattable
{
    private const int Length = 6;
    private const string Format = "aa:bb:cc:dd:ee:ff";
    private readonly ulong _value;

    /// <summary>Reads the first six bytes of <paramref name="bytes"/>.</summary>
    public MacAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length)
        {
            throw new ArgumentException($"A MAC address needs 6 bytes; {bytes.Length} were given.", nameof(bytes));
        }

        _value = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);
    }

    private MacAddress(ulong value) => _value = value;

    /// <summary>ff:ff:ff:ff:ff:ff.</summary>
    public static MacAddress Broadcast { get; } = new(0xFFFF_FFFF_FFFF);

    /// <summary>Whether this is ff:ff:ff:ff:ff:ff.</summary>
    public bool IsBroadcast => _value == 0xFFFF_FFFF_FFFF;

    /// <summary>Whether the group bit is set (broadcast, IPv4 01:00:5e:..., IPv6 33:33:...).</summary>
    public bool IsMulticast => (_value & 0x0100_0000_0000) != 0;

    public static bool operator ==(MacAddress left, MacAddress right) => left.Equals(right);

    public static bool operator !=(MacAddress left, MacAddress right) => !left.Equals(right);

    /// <summary>Parses six hexadecimal octets separated by ':' or '-' (e.g. "52:54:00:12:34:56").</summary>
    public static MacAddress Parse(string text) =>
        TryParse(text, out MacAddress address)
            ? address
            : throw new FormatException($"\"{text}\" is not a MAC address; write six hexadecimal octets separated by ':', e.g. 52:54:00:12:34:56.");

    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress address)
    {
        address = default;
        if (text is null || text.Length != Format.Length)
        {
            return false;
        }

        ulong value = 0;
        for (int i = 0; i < Length; i++)
        {
            if (i > 0 && text[(i * 3) - 1] is not (':' or '-'))
            {
                return false;
            }

            if (!byte.TryParse(text.AsSpan(i * 3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte octet))
            {
                return false;
            }

            value = (value << 8) | octet;
        }

        address = new MacAddress(value);
        return true;
    }

    /// <summary>Writes the six bytes to the start of <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(_value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)_value);
    }

    public bool Equals(MacAddress other) => _value == other._value;

    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    public override int GetHashCode() => _value.GetHashCode();

    public override string ToString() => string.Create(Format.Length, this, static (span, address) => address.TryFormat(span, out _, default, null));

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < Format.Length)
        {
            return false;
        }

        const string hex = "0123456789abcdef";
        for (int i = 0; i < Length; i++)
        {
            int octet = (int)(_value >> (40 - (8 * i))) & 0xFF;
            if (i > 0)
            {
                destination[charsWritten++] = ':';
            }

            destination[charsWritten++] = hex[octet >> 4];
            destination[charsWritten++] = hex[octet & 0xF];
        }

        return true;
    }
}
