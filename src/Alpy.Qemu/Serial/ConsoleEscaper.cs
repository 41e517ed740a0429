using System.Globalization;
using System.Text;

namespace Alpy.Qemu.Serial;

/// <summary>
/// Turns console bytes into the escaped text form of the console log and of failure messages: printable
/// ASCII as it is, one line per line, everything else visible and unambiguous (<c>\r</c> when not part of a
/// line end, <c>\t</c>, <c>\e</c>, <c>\\</c>, <c>\xHH</c>). Stateful, because a line end ("\r\n", or the
/// "\r\r\n" a tty makes of a program's "\r\n") may be split across two reads.
/// </summary>
internal sealed class ConsoleEscaper
{
    private int _pendingCarriageReturns;

    public void Append(ReadOnlySpan<byte> bytes, StringBuilder output)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\r')
            {
                _pendingCarriageReturns++;
                continue;
            }

            if (b == (byte)'\n')
            {
                _pendingCarriageReturns = 0;
                output.Append('\n');
                continue;
            }

            Flush(output);
            AppendEscaped(b, output);
        }
    }

    /// <summary>Writes carriage returns still held back because a line end might have followed them.</summary>
    public void Flush(StringBuilder output)
    {
        for (; _pendingCarriageReturns > 0; _pendingCarriageReturns--)
        {
            output.Append("\\r");
        }
    }

    private static void AppendEscaped(byte b, StringBuilder output)
    {
        switch (b)
        {
            case (byte)'\\':
                output.Append("\\\\");
                break;
            case (byte)'\t':
                output.Append("\\t");
                break;
            case 0x1b:
                output.Append("\\e");
                break;
            case >= 0x20 and < 0x7f:
                output.Append((char)b);
                break;
            default:
                output.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                break;
        }
    }
}
