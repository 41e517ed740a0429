namespace Alpy.Specs.Steps.Values;

/// <summary>An address family a rule may be limited to; a rule that names none covers both.</summary>
public enum IpFamily
{
    Ipv4,
    Ipv6,
}

/// <summary>Parsing and naming of <see cref="IpFamily"/>.</summary>
public static class IpFamilies
{
    /// <summary>IPv4 or IPv6 (any letter case), or null for another word.</summary>
    public static IpFamily? TryParse(string? text) => text?.ToUpperInvariant() switch
    {
        "IPV4" => IpFamily.Ipv4,
        "IPV6" => IpFamily.Ipv6,
        _ => null,
    };

    /// <summary>"IPv4" or "IPv6".</summary>
    public static string Name(this IpFamily family) => family == IpFamily.Ipv6 ? "IPv6" : "IPv4";
}
