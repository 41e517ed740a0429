namespace Alpy.Capture;

/// <summary>
/// What to do when SharpPcap cannot load libpcap. SharpPcap then throws a DllNotFoundException about "wpcap"
/// (its Windows name), which says nothing to a Linux user; this says which files it looked for and what to install.
/// </summary>
internal static class LibpcapLoading
{
    /// <summary>The names SharpPcap 6.3.1 tries on Linux, in its order (LibPcapSafeNativeMethods.Resolver).</summary>
    public static readonly IReadOnlyList<string> LinuxNames = ["libpcap.so", "libpcap.so.0", "libpcap.so.0.8", "libpcap.so.1"];

    public static CaptureException Missing(DllNotFoundException exception) =>
        new($"libpcap could not be loaded: SharpPcap looks for {string.Join(", ", LinuxNames)} in the library path. Install it: " +
            "Debian/Ubuntu `apt-get install libpcap0.8` (scripts/install-prerequisites does), Fedora/RHEL `dnf install libpcap`, " +
            "Arch `pacman -S libpcap`, Alpine `apk add libpcap`, openSUSE `zypper install libpcap1`.", exception);
}
