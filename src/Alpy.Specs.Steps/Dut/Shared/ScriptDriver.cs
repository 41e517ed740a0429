using System.Globalization;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Dut.Sharing;

/// <summary>
/// Configures the DUT by running a program of the team's own on its console, typically from the shared folder
/// (e.g. <c>/mnt/share/alpy-dut</c>), so that the team edits it on the host and reruns with no rebuild. The
/// program gets one verb and its arguments, each quoted, and exits 0 when the DUT accepted the rule:
/// <code>
/// PROGRAM forward on|off
/// PROGRAM filter drop|reject tcp|udp|icmp|all PORT|- FROM|- TO|- new|every both|ipv4|ipv6
/// PROGRAM reroute tcp|udp PORT ADDRESS TO-PORT
/// PROGRAM masquerade OUT
/// PROGRAM limit OUT KBIT
/// PROGRAM balance tcp|udp ADDRESS PORT BACKEND=WEIGHT...
/// </code>
/// where FROM, TO and OUT are DUT interfaces in the topology's terms: LINK or LINK.VLAN (e.g. 1 or 1.10), and a
/// filter's last word says which packets it applies to: <c>new</c>, those that start a flow (the stateful contract
/// of <see cref="IDutDriver.FilterAsync"/>: replies and related ICMP errors pass), or <c>every</c> matching packet;
/// then the families it covers: <c>both</c> unless the rule's words named one (a program that reads only IPv4 from
/// <c>both</c> leaves the classic hole, which the IPv6 scenarios find).
/// </summary>
public sealed class ScriptDriver : IDutDriver
{
    private readonly IDutConsole _console;

    /// <exception cref="ArgumentException">The program path is not absolute or has characters other than letters, digits and <c>/._-</c>.</exception>
    public ScriptDriver(IDutConsole console, string program)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        Program = IsSafePath(program)
            ? program
            : throw new ArgumentException($"The DUT driver program \"{program}\" must be an absolute path of letters, digits and /._- (e.g. /mnt/share/alpy-dut).", nameof(program));
    }

    /// <summary>The program on the DUT.</summary>
    public string Program { get; }

    /// <summary>True for an absolute path of letters, digits and <c>/._-</c> (no "..").</summary>
    public static bool IsSafePath(string? path) =>
        path is { Length: > 1 and < 200 } && path[0] == '/' && !path.Contains("..", StringComparison.Ordinal)
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-');

    public Task SetForwardingAsync(bool enabled, CancellationToken cancellationToken = default) =>
        RunAsync(enabled ? "forward traffic" : "do not forward traffic", ["forward", enabled ? "on" : "off"], cancellationToken);

    public Task FilterAsync(FilterRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var traffic = rule.Traffic;
        return RunAsync(rule.ToString(),
            ["filter", rule.Action == FilterAction.Drop ? "drop" : "reject", traffic.Protocol is { } p ? Name(p) : "all",
             traffic.Port?.ToString() ?? "-", traffic.From is { } from ? Port(from) : "-", traffic.To is { } to ? Port(to) : "-",
             rule.RepliesIncluded ? "every" : "new", traffic.Family switch { IpFamily.Ipv4 => "ipv4", IpFamily.Ipv6 => "ipv6", _ => "both" }],
            cancellationToken);
    }

    public Task RerouteAsync(RerouteRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RunAsync(rule.ToString(), ["reroute", Name(rule.Protocol), rule.Port.ToString(), rule.ToAddress.ToString(), rule.ToPort.ToString()], cancellationToken);
    }

    public Task MasqueradeAsync(MasqueradeRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RunAsync(rule.ToString(), ["masquerade", Port(rule.Out)], cancellationToken);
    }

    public Task LimitAsync(RateLimitRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RunAsync(rule.ToString(), ["limit", Port(rule.Out), rule.Rate.Kilobits.ToString(CultureInfo.InvariantCulture)], cancellationToken);
    }

    public Task BalanceAsync(BalanceRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RunAsync(rule.ToString(),
            ["balance", Name(rule.Protocol), rule.Address.ToString(), rule.Port.ToString(),
             .. rule.Backends.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Address}={b.Weight}"))],
            cancellationToken);
    }

    private static string Name(TrafficProtocol protocol) => protocol.Name().ToLowerInvariant();

    private static string Port(DutPort port) => port.Vlan is null
        ? port.Link.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{port.Link}.{port.Vlan}");

    private async Task RunAsync(string what, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await _console.RunAsync(ShellQuoting.Join([Program, .. arguments]), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw DutConfigurationException.Refused($"the script driver {Program}", what, result);
    }
}
