using System.Net;
using System.Net.Sockets;

namespace Alpy.Specs.Steps.Values;

/// <summary>
/// An address as the steps write it: IPv4 (strict, see <see cref="Ipv4"/>) or IPv6 (RFC 4291 text, also in brackets as
/// written before a port: <c>[2001:db8:1::2]</c>). A zone index (<c>fe80::1%eth0</c>) is refused: it names an interface of
/// the machine that reads it, which differs between the host, the nodes and the DUT.
/// </summary>
public static class IpAddressText
{
    /// <summary>How to write an address, for messages.</summary>
    public const string Hint = "write an IPv4 address such as 192.168.1.2 or an IPv6 address such as 2001:db8:1::2 (also [2001:db8:1::2]).";

    /// <exception cref="StepValueException">The text is neither address; the message quotes it.</exception>
    public static IPAddress Parse(string? text)
    {
        if (text is null || !text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('['))
            return Ipv4.Parse(text);
        var inner = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        if (inner.Contains('%', StringComparison.Ordinal))
            throw StepValueException.Invalid(text, "an address the lab can use", "it has a zone index (%…), which names an interface of one machine; "
                + "write the address without it (the link says where), e.g. 2001:db8:1::2.");
        if (inner.Length > 45 || inner.Contains('[', StringComparison.Ordinal) || inner.Contains(']', StringComparison.Ordinal)
            || !inner.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            || !IPAddress.TryParse(inner, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            throw StepValueException.Invalid(text, "an IPv6 address", "write eight groups of up to four hex digits separated by colons, "
                + "one run of zero groups shortened to ::, e.g. 2001:db8:1::2.");
        return address;
    }

    /// <summary>"IPv4" or "IPv6".</summary>
    public static string Family(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
    }

    /// <summary>The address as a socket address is written before a port: IPv6 in brackets (socat, HTTP hosts).</summary>
    public static string ForPort(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
