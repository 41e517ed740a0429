using System.Net;

namespace Alpy.Lab.Topology;

/// <summary>Parsing of subnets and addresses with errors that say what is wrong and how to write it.</summary>
internal static class Cidr
{
    public static IPNetwork Parse(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidTopologyException($"the {what} is empty; write it as a CIDR, e.g. 192.168.0.0/24.");
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var address)
            || !int.TryParse(text.AsSpan(slash + 1), out var prefix))
            throw new InvalidTopologyException($"the {what} '{text}' is not a CIDR; write it as ADDRESS/PREFIX, e.g. 192.168.0.0/24.");
        var maxPrefix = address.GetAddressBytes().Length * 8;
        if (prefix < 0 || prefix > maxPrefix)
            throw new InvalidTopologyException($"the {what} '{text}' has prefix length {prefix}; it must be 0..{maxPrefix}.");
        var network = new IPNetwork(Mask(address, prefix), prefix);
        if (!network.BaseAddress.Equals(address))
            throw new InvalidTopologyException(
                $"the {what} '{text}' has host bits set; did you mean {network}?");
        return network;
    }

    public static IPAddress ParseAddress(string? text, string what) =>
        IPAddress.TryParse(text, out var address) && !string.IsNullOrEmpty(text) && !text.Contains('/', StringComparison.Ordinal)
            ? address
            : throw new InvalidTopologyException($"the {what} '{text}' is not an IP address; write it like 192.168.0.2 or fd00::2.");

    /// <summary>The address with every bit after <paramref name="prefix"/> cleared.</summary>
    public static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }

    /// <summary>True when the two subnets share at least one address (one contains the other's base).</summary>
    public static bool Overlap(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily
        && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    /// <summary>True for the subnet's network address or (IPv4) its broadcast address, which no host may hold.</summary>
    public static bool IsReserved(IPNetwork subnet, IPAddress address)
    {
        if (address.Equals(subnet.BaseAddress) && subnet.PrefixLength < address.GetAddressBytes().Length * 8 - 1)
            return true;
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || subnet.PrefixLength >= 31)
            return false;
        var bytes = address.GetAddressBytes();
        for (var bit = subnet.PrefixLength; bit < 32; bit++)
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) == 0)
                return false;
        return true;
    }
}
