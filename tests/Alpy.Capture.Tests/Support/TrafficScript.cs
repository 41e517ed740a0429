using System.Text;

namespace Alpy.Capture.Tests;

/// <summary>
/// Real traffic from side A to side B of a <see cref="NetnsPair"/>: ARP and ICMP echo (also fragmented), ICMPv6
/// with neighbour discovery (also fragmented), TCP connections over IPv4 and IPv6 with data and close, a refused
/// TCP connection (RST), UDP to an open and to closed ports (ICMP and ICMPv6 port unreachable), then every
/// hand-built corpus frame sent raw, VLAN-tagged ones included.
/// </summary>
internal static class TrafficScript
{
    public static async Task RunAsync(NetnsPair pair, CancellationToken cancellationToken)
    {
        const NetnsPair.Side a = NetnsPair.Side.A;
        (await pair.ExecAsync(a, ["busybox", "ping", "-c", "2", "-i", "0.2", "-W", "2", NetnsPair.AddressB], cancellationToken: cancellationToken)).EnsureSuccess();
        (await pair.ExecAsync(a, ["busybox", "ping", "-c", "1", "-s", "3000", "-W", "2", NetnsPair.AddressB], cancellationToken: cancellationToken)).EnsureSuccess();
        (await pair.ExecAsync(a, ["busybox", "ping", "-6", "-c", "1", "-W", "2", NetnsPair.Address6B], cancellationToken: cancellationToken)).EnsureSuccess();
        (await pair.ExecAsync(a, ["busybox", "ping", "-6", "-c", "1", "-s", "3000", "-W", "2", NetnsPair.Address6B], cancellationToken: cancellationToken)).EnsureSuccess();
        await ExchangeAsync(pair, "TCP-LISTEN:8888,reuseaddr", $"TCP:{NetnsPair.AddressB}:8888", cancellationToken);
        await ExchangeAsync(pair, "TCP6-LISTEN:8889,reuseaddr", $"TCP6:[{NetnsPair.Address6B}]:8889", cancellationToken);
        await SendAsync(pair, $"TCP:{NetnsPair.AddressB}:9", cancellationToken); // refused: SYN, then RST
        await SendAsync(pair, $"UDP:{NetnsPair.AddressB}:7777", cancellationToken); // closed: ICMP port unreachable
        await SendAsync(pair, $"UDP6:[{NetnsPair.Address6B}]:7777", cancellationToken);
        await ExchangeAsync(pair, "UDP-RECV:7778", $"UDP:{NetnsPair.AddressB}:7778", cancellationToken, expectExit: false);
        await pair.SendRawAsync(FrameCorpus.All.Where(frame => frame.Bytes.Length >= 14).Select(frame => frame.Bytes), cancellationToken);
    }

    /// <summary>Starts a socat listener on side B and sends one message from side A, retrying until the listener is up.</summary>
    private static async Task ExchangeAsync(NetnsPair pair, string listen, string connect, CancellationToken cancellationToken, bool expectExit = true)
    {
        await using BackgroundProcess listener = BackgroundProcess.Start(NetnsPair.InNamespace(pair.NamespaceB, ["socat", "-u", listen, "OPEN:/dev/null"]));
        for (int attempt = 0; ; attempt++)
        {
            ProcessResult sent = await SendAsync(pair, connect, cancellationToken);
            if (sent.ExitCode == 0)
            {
                break;
            }

            if (attempt == 40)
            {
                sent.EnsureSuccess();
            }

            await Task.Delay(50, cancellationToken);
        }

        if (expectExit)
        {
            await listener.StopAsync(0, TimeSpan.FromSeconds(5)); // signal 0 only probes: wait for it to finish on its own
        }
    }

    private static Task<ProcessResult> SendAsync(NetnsPair pair, string connect, CancellationToken cancellationToken) =>
        pair.ExecAsync(NetnsPair.Side.A, ["socat", "-u", "STDIN", connect], Encoding.ASCII.GetBytes("hello\n"), cancellationToken);
}
