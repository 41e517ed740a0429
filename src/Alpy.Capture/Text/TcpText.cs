using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Alpy.Capture;

/// <summary>Prints TCP as tcpdump 4.99 does: "Flags [S.], seq 1, ack 2, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0], length 0".</summary>
internal static class TcpText
{
    public static void Append(
        StringBuilder text,
        ReadOnlySpan<byte> tcp,
        IpEndpoints endpoints,
        bool addressesPrinted,
        int length,
        TcpdumpFormatOptions options,
        TcpSequenceTracker? tracker)
    {
        ushort sourcePort = Read16(tcp, 0);
        ushort destinationPort = Read16(tcp, 2);
        endpoints.AppendPorts(text, sourcePort, destinationPort, addressesPrinted);

        int headerLength = (tcp[12] >> 4) * 4;
        if (headerLength < 20)
        {
            text.Append(" tcp ").Append(length - headerLength).Append(" [bad hdr length ").Append(headerLength).Append(" - too short, < 20]");
            return;
        }

        int flags = tcp[13];
        uint sequence = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]);
        uint acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]);
        text.Append("Flags [");
        AppendFlags(text, flags);
        text.Append(']');

        (uint Sequence, uint Acknowledgment) bases = default;
        bool reversed = false;
        if (!options.AbsoluteSequenceNumbers && (flags & (int)TcpFlags.Ack) != 0 && tracker is not null)
        {
            bases = tracker.Adjust(endpoints, sourcePort, destinationPort, (flags & (int)TcpFlags.Syn) != 0, ref sequence, ref acknowledgment, out reversed);
        }

        if (headerLength > length)
        {
            text.Append(" [bad hdr length ").Append(headerLength).Append(" - too long, > ").Append(length).Append(']');
            return;
        }

        int dataLength = length - headerLength;
        if (dataLength > 0 || (flags & (int)(TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst)) != 0)
        {
            text.Append(", seq ").Append(sequence);
            if (dataLength > 0)
            {
                text.Append(':').Append(unchecked(sequence + (uint)dataLength));
            }
        }

        if ((flags & (int)TcpFlags.Ack) != 0)
        {
            text.Append(", ack ").Append(acknowledgment);
        }

        text.Append(", win ").Append(Read16(tcp, 14));
        if ((flags & (int)TcpFlags.Urg) != 0)
        {
            text.Append(", urg ").Append(Read16(tcp, 18));
        }

        if (headerLength > 20 && !TryAppendOptions(text, tcp[20..Math.Min(headerLength, tcp.Length)], headerLength - 20, reversed ? bases.Sequence : bases.Acknowledgment))
        {
            return;
        }

        text.Append(", length ").Append(dataLength);
        if (dataLength > 0 && (HttpText.IsHttpPort(sourcePort) || HttpText.IsHttpPort(destinationPort)))
        {
            HttpText.Append(text, tcp[Math.Min(headerLength, tcp.Length)..], dataLength);
        }
    }

    /// <summary>tcpdump's order: F S R P . U E W; "none" when no flag is set.</summary>
    private static void AppendFlags(StringBuilder text, int flags)
    {
        if (flags == 0)
        {
            text.Append("none");
            return;
        }

        ReadOnlySpan<char> letters = "FSRP.UEW";
        for (int bit = 0; bit < letters.Length; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                text.Append(letters[bit]);
            }
        }
    }

    /// <summary>Prints ", options [...]"; false when an option is malformed (tcpdump then stops the line).</summary>
    /// <param name="declared">Option bytes the header declares (may exceed what was captured).</param>
    /// <param name="sackBase">What SACK edges are relative to.</param>
    private static bool TryAppendOptions(StringBuilder text, ReadOnlySpan<byte> options, int declared, uint sackBase)
    {
        text.Append(", options [");
        int at = 0;
        bool first = true;
        while (at < declared)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            if (at >= options.Length)
            {
                text.Append(" [|tcp]");
                return false;
            }

            byte kind = options[at];
            int length = 1;
            if (kind > 1)
            {
                if (at + 1 >= options.Length)
                {
                    text.Append(" [|tcp]");
                    return false;
                }

                length = options[at + 1];
                if (length < 2 || length > declared - at)
                {
                    text.Append("[bad opt]");
                    return false;
                }
            }

            if (at + length > options.Length)
            {
                text.Append(" [|tcp]");
                return false;
            }

            ReadOnlySpan<byte> data = options.Slice(at + Math.Min(length, 2), length - Math.Min(length, 2));
            if (!TryAppendOption(text, kind, data, sackBase))
            {
                text.Append("[bad opt]");
                return false;
            }

            at += length;
            if (kind == 0)
            {
                break;
            }
        }

        text.Append(']');
        return true;
    }

    private static bool TryAppendOption(StringBuilder text, byte kind, ReadOnlySpan<byte> data, uint sackBase)
    {
        int expected = kind switch { 0 or 1 or 4 => 0, 2 => 2, 3 => 1, 8 => 8, 6 or 7 or 11 or 12 or 13 => 4, 19 => 16, 28 => 2, _ => -1 };
        if (expected >= 0 && data.Length < expected)
        {
            text.Append(Name(kind));
            return false;
        }

        text.Append(Name(kind));
        switch (kind)
        {
            case 2:
                text.Append(' ').Append(Read16(data, 0));
                break;
            case 3:
                text.Append(' ').Append(data[0]);
                break;
            case 5:
                if (data.Length % 8 != 0)
                {
                    text.Append(" invalid sack");
                    break;
                }

                text.Append(' ').Append(data.Length / 8).Append(' ');
                for (int i = 0; i < data.Length; i += 8)
                {
                    text.Append('{').Append(unchecked(BinaryPrimitives.ReadUInt32BigEndian(data[i..]) - sackBase))
                        .Append(':').Append(unchecked(BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) - sackBase)).Append('}');
                }

                break;
            case 6 or 7 or 11 or 12 or 13:
                text.Append(' ').Append(BinaryPrimitives.ReadUInt32BigEndian(data));
                break;
            case 8:
                text.Append(" val ").Append(BinaryPrimitives.ReadUInt32BigEndian(data)).Append(" ecr ").Append(BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                break;
            case 19:
                text.Append(' ');
                AppendHex(text, data[..16]);
                break;
            case 28:
                int timeout = Read16(data, 0);
                text.Append(CultureInfo.InvariantCulture, $" 0x{timeout:x} {((timeout & 1) != 0 ? (timeout >> 1) * 60 : timeout >> 1)}");
                break;
            case 0 or 1 or 4:
                break;
            default:
                if (!data.IsEmpty)
                {
                    text.Append(" 0x");
                    AppendHex(text, data);
                }

                break;
        }

        // tcpdump flags options whose length differs from what their kind needs.
        int used = kind is 0 or 1 ? 1 : 2 + (expected >= 0 ? expected : data.Length);
        int actual = kind is 0 or 1 ? 1 : 2 + data.Length;
        if (used != actual)
        {
            text.Append("[len ").Append(actual).Append(']');
        }

        return true;
    }

    private static string Name(byte kind) => kind switch
    {
        0 => "eol",
        1 => "nop",
        2 => "mss",
        3 => "wscale",
        4 => "sackOK",
        5 => "sack",
        6 => "echo",
        7 => "echoreply",
        8 => "TS",
        11 => "cc",
        12 => "ccnew",
        13 => string.Empty,
        19 => "md5",
        20 => "scps",
        28 => "uto",
        29 => "tcp-ao",
        30 => "mptcp",
        34 => "tfo",
        254 => "exp",
        _ => string.Create(CultureInfo.InvariantCulture, $"unknown-{kind}"),
    };

    private static void AppendHex(StringBuilder text, ReadOnlySpan<byte> bytes)
    {
        foreach (byte value in bytes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value:x2}");
        }
    }

    private static ushort Read16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
}
