using System.Text;

namespace Alpy.Capture;

/// <summary>
/// What tcpdump appends to TCP segments of ports 80 and 8080 that carry data: ": HTTP", then the request or
/// status line when the data starts with one (": HTTP: GET / HTTP/1.1"), as its text-protocol printer does.
/// </summary>
internal static class HttpText
{
    private const int MaxToken = 128;

    private static readonly string[] Methods =
    [
        "GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE",
        "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND",
        "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY",
        "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL",
    ];

    public static bool IsHttpPort(ushort port) => port is 80 or 8080;

    /// <param name="data">The captured payload.</param>
    /// <param name="length">The payload length the headers declare.</param>
    public static void Append(StringBuilder text, ReadOnlySpan<byte> data, int length)
    {
        text.Append(": HTTP");
        int next = FetchToken(data, length, 0, out ReadOnlySpan<byte> first);
        if (next == 0)
        {
            return;
        }

        bool line = IsMethod(first);
        // A status line has the code as its second token ("HTTP/1.1 200 OK").
        if (FetchToken(data, length, next, out ReadOnlySpan<byte> second) != 0 && second.Length == 3 && IsDigits(second))
        {
            line = true;
        }

        if (line)
        {
            AppendFirstLine(text, data, length);
        }
    }

    /// <summary>Reads a token of printable ASCII up to white space; returns where the next token starts, 0 when there is none.</summary>
    private static int FetchToken(ReadOnlySpan<byte> data, int length, int start, out ReadOnlySpan<byte> token)
    {
        token = default;
        int index = start;
        for (; index < length; index++)
        {
            if (index >= data.Length)
            {
                return 0; // ran past the captured bytes
            }

            byte c = data[index];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                break;
            }

            if (c is < 0x20 or > 0x7E || index - start >= MaxToken)
            {
                return 0;
            }
        }

        if (index == start)
        {
            return 0;
        }

        token = data[start..index];
        while (index < length && index < data.Length && data[index] is (byte)' ' or (byte)'\t')
        {
            index++;
        }

        return index;
    }

    /// <summary>": " and the first line, if it is printable text ending in LF or CRLF; tcpdump's truncation mark if it runs past the capture.</summary>
    private static void AppendFirstLine(StringBuilder text, ReadOnlySpan<byte> data, int length)
    {
        for (int index = 0; index < length; index++)
        {
            if (index >= data.Length)
            {
                text.Append(" [|http]");
                return;
            }

            byte c = data[index];
            if (c == '\n' || (c == '\r' && index + 1 < length && index + 1 < data.Length && data[index + 1] == '\n'))
            {
                text.Append(": ").Append(Encoding.ASCII.GetString(data[..index]));
                return;
            }

            if (c == '\r' && index + 1 < length && index + 1 >= data.Length)
            {
                text.Append(" [|http]");
                return;
            }

            if (c == '\r' || (c is < 0x20 or > 0x7E && c != '\t'))
            {
                return; // binary data: not a line tcpdump prints
            }
        }

        text.Append(": ").Append(Encoding.ASCII.GetString(data[..Math.Min(length, data.Length)])).Append(" [|http]");
    }

    private static bool IsMethod(ReadOnlySpan<byte> token)
    {
        foreach (string method in Methods)
        {
            if (token.Length == method.Length && Ascii.EqualsIgnoreCase(token, method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigits(ReadOnlySpan<byte> token) => !token.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
