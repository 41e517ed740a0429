using System.Globalization;

namespace Alpy.Lab.Apps;

/// <summary>Reads /proc/net/{tcp,tcp6,udp,udp6} text: which local ports have a listening (TCP) or bound (UDP) socket.</summary>
internal static class ListeningSockets
{
    private const string TcpListen = "0A";
    private const string UdpUnconnected = "07";

    /// <summary>True when the table text lists <paramref name="port"/> in the state that means "ready".</summary>
    public static bool Contains(string procNetText, int port, TransportProtocol protocol)
    {
        var state = protocol == TransportProtocol.Tcp ? TcpListen : UdpUnconnected;
        foreach (var line in procNetText.Split('\n'))
        {
            // "  0: 00000000:0058 00000000:0000 0A ..." : local address:port (hex), remote, state.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || !fields[0].EndsWith(':'))
                continue;
            var colon = fields[1].LastIndexOf(':');
            if (colon < 0 || !int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var local))
                continue;
            if (local == port && fields[3] == state)
                return true;
        }
        return false;
    }

    public static IReadOnlyList<string> Files(TransportProtocol protocol) => protocol == TransportProtocol.Tcp
        ? ["/proc/net/tcp", "/proc/net/tcp6"]
        : ["/proc/net/udp", "/proc/net/udp6"];
}
