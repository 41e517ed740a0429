using System.Globalization;
using System.Net;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Traffic;

/// <summary>
/// The argv of every traffic tool the steps run in app containers. Only validated values (addresses, ports,
/// counts, messages) go in, each as one argv element: no shell joins or splits them.
/// </summary>
public static class TrafficCommands
{
    /// <summary>Where the traffic image has iputils' ping (busybox's applet stays at /bin/ping for the lab's own checks).</summary>
    public const string PingPath = "/usr/bin/ping";

    /// <summary>
    /// iputils ping: <paramref name="count"/> echo requests, waiting <paramref name="wait"/> for replies, numeric output.
    /// Unlike busybox's ping it counts ICMP errors (unreachable, time exceeded) as answers, so a rejected or expired
    /// ping ends when the error comes instead of waiting out the answer timeout, and it names the error.
    /// </summary>
    public static IReadOnlyList<string> Ping(IPAddress to, int count, int? ttl, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(to);
        List<string> argv = [PingPath, "-n", "-c", Text(count), "-W", Seconds(wait)];
        if (ttl is { } value)
            argv.AddRange(["-t", Text(value)]);
        argv.Add(to.ToString());
        return argv;
    }

    /// <summary>A TCP handshake and nothing else (socat).</summary>
    public static IReadOnlyList<string> Connect(IPAddress to, Port port, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(to);
        return ["socat", "-u", "OPEN:/dev/null", $"TCP:{IpAddressText.ForPort(to)}:{port},connect-timeout={Seconds(wait)}"];
    }

    /// <summary>One line out, one line back (alpy-ask).</summary>
    public static IReadOnlyList<string> Ask(TrafficProtocol protocol, IPAddress to, Port port, TimeSpan wait, string message)
    {
        ArgumentNullException.ThrowIfNull(to);
        return ["alpy-ask", Transport(protocol), IpAddressText.ForPort(to), port.ToString(), Seconds(wait), MessageText.Parse(message)];
    }

    /// <summary><paramref name="count"/> HTTP GETs of / (alpy-http-get).</summary>
    public static IReadOnlyList<string> HttpGet(int count, IPAddress to, Port port, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(to);
        return ["alpy-http-get", Text(count), IpAddressText.ForPort(to), port.ToString(), Seconds(wait)];
    }

    /// <summary>An echo server that reports each message and its sender (alpy-echo-server).</summary>
    public static IReadOnlyList<string> EchoServer(TrafficProtocol protocol, IPAddress bind, Port port)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return ["alpy-echo-server", Transport(protocol), bind.ToString(), port.ToString()];
    }

    /// <summary>An HTTP server whose page is <paramref name="body"/> (alpy-http-server; an IPv6 address in brackets, as busybox httpd -p takes it).</summary>
    public static IReadOnlyList<string> HttpServer(IPAddress bind, Port port, string body)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return ["alpy-http-server", IpAddressText.ForPort(bind), port.ToString(), MessageText.Parse(body)];
    }

    /// <summary>An iperf3 server for one measurement.</summary>
    public static IReadOnlyList<string> ThroughputServer(IPAddress bind, Port port)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return ["iperf3", "-s", "-1", "-B", bind.ToString(), "-p", port.ToString()];
    }

    /// <summary>An iperf3 client sending TCP for <paramref name="seconds"/>, reporting JSON.</summary>
    public static IReadOnlyList<string> ThroughputClient(IPAddress to, Port port, int seconds, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(to);
        return ["iperf3", "-c", to.ToString(), "-p", port.ToString(), "-t", Text(seconds), "-J", "--connect-timeout", Text((int)wait.TotalMilliseconds)];
    }

    /// <summary>Whole seconds, at least 1 (busybox takes no fractions).</summary>
    private static string Seconds(TimeSpan wait) => Text(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Transport(TrafficProtocol protocol) => protocol switch
    {
        TrafficProtocol.Tcp => "tcp",
        TrafficProtocol.Udp => "udp",
        _ => throw new StepValueException("ICMP carries no messages to a port; send over TCP or UDP, or ping instead."),
    };
}
