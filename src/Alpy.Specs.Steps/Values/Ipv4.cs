using System.Net;
using System.Net.Sockets;

namespace Alpy.Specs.Steps.Values;

/// <summary>Strict IPv4 address text: four decimal numbers 0-255 without leading zeros (which some tools read as octal).</summary>
public static class Ipv4
{
    /// <exception cref="StepValueException">The text is not such an address.</exception>
    public static IPAddress Parse(string? text)
    {
        const string hint = "write four numbers from 0 to 255 separated by dots, e.g. 192.168.1.2.";
        if (text is null || text.Length is < 7 or > 15)
            throw StepValueException.Invalid(text, "an IPv4 address", hint);
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is < 1 or > 3 || !p.All(char.IsAsciiDigit)))
            throw StepValueException.Invalid(text, "an IPv4 address", hint);
        if (parts.Any(p => p.Length > 1 && p[0] == '0'))
            throw StepValueException.Invalid(text, "an unambiguous IPv4 address", "leading zeros can mean octal; write e.g. 192.168.1.2, not 192.168.001.002.");
        if (parts.Any(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) > 255))
            throw StepValueException.Invalid(text, "an IPv4 address", "each of the four numbers must be 0 to 255.");
        var address = IPAddress.Parse(text);
        return address.AddressFamily == AddressFamily.InterNetwork ? address : throw StepValueException.Invalid(text, "an IPv4 address", hint);
    }
}
