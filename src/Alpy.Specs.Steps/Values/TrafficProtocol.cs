namespace Alpy.Specs.Steps.Values;

/// <summary>The IP protocols the steps speak of.</summary>
public enum TrafficProtocol
{
    Tcp,
    Udp,
    Icmp,
}

/// <summary>Parsing and naming of <see cref="TrafficProtocol"/>.</summary>
public static class TrafficProtocols
{
    /// <summary>TCP, UDP or ICMP, in any letter case.</summary>
    /// <exception cref="StepValueException">Another word.</exception>
    public static TrafficProtocol Parse(string? text) => text?.ToUpperInvariant() switch
    {
        "TCP" => TrafficProtocol.Tcp,
        "UDP" => TrafficProtocol.Udp,
        "ICMP" => TrafficProtocol.Icmp,
        _ => throw StepValueException.Invalid(text, "a protocol", "write TCP, UDP or ICMP."),
    };

    /// <summary>TCP or UDP: the protocols with ports.</summary>
    /// <exception cref="StepValueException">ICMP or another word.</exception>
    public static TrafficProtocol ParseWithPorts(string? text)
    {
        var protocol = Parse(text);
        return protocol == TrafficProtocol.Icmp
            ? throw StepValueException.Invalid(text, "a protocol with ports", "write TCP or UDP (ICMP has no ports).")
            : protocol;
    }

    /// <summary>"TCP", "UDP" or "ICMP".</summary>
    public static string Name(this TrafficProtocol protocol) => protocol.ToString().ToUpperInvariant();
}
