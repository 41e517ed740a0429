using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alpy.Qemu;

/// <summary>
/// One network interface of the machine, attached to an existing tap device on the host (QEMU opens it; it
/// must belong to QEMU's user or QEMU must run as root). Always <c>vnet_hdr=off</c>: with a virtio-net header
/// every captured frame would start with 12 extra bytes and no decoder could read the pcap. NICs are given
/// in link order; QEMU places them in that order on the PCI bus, so a guest that names its interfaces by
/// PCI slot (Rabbit does) sees link 0 as eth0.
/// </summary>
/// <param name="TapName">The host tap device, at most 15 characters (a Linux interface name).</param>
/// <param name="MacAddress">The guest's MAC, e.g. 52:54:00:12:34:56; see <see cref="MacFor"/>.</param>
public sealed record QemuNic(string TapName, string MacAddress)
{
    /// <summary>QEMU's device model; virtio-net-pci is the fastest under TCG.</summary>
    public string Model { get; init; } = "virtio-net-pci";

    /// <summary>A pcap file that receives every frame of this link in both directions (QEMU's filter-dump);
    /// null for none. Readable while QEMU writes it.</summary>
    public string? CaptureFile { get; init; }

    /// <summary>Bytes kept per captured frame (filter-dump's maxlen); null keeps whole frames.</summary>
    public int? CaptureSnapLength { get; init; }

    /// <summary>Whether the NIC gets its option ROM (iPXE). Only network boot needs it; leaving it out saves
    /// boot time, so it is off by default.</summary>
    public bool OptionRom { get; init; }

    /// <summary>
    /// A stable, locally administered unicast MAC for link <paramref name="link"/> of run <paramref name="runId"/>:
    /// 52:54:xx:xx:xx:LL, where xx are hashed from the run id, so that two labs on one host do not collide and a
    /// link's MAC is the same across reboots of one run.
    /// </summary>
    public static string MacFor(string runId, int link)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(link);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(link, 255);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(runId));
        return string.Create(CultureInfo.InvariantCulture, $"52:54:{hash[0]:x2}:{hash[1]:x2}:{hash[2]:x2}:{link:x2}");
    }
}
