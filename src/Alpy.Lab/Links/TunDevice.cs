namespace Alpy.Lab.Links;

/// <summary>
/// /dev/net/tun, through which QEMU opens each link's tap as the user running the lab. Checked before anything is
/// created, so that a machine where the user may not open it fails at once with the fix, not after the DUT's boot.
/// </summary>
internal static class TunDevice
{
    public const string Path = "/dev/net/tun";

    /// <exception cref="LabException">The device is missing or this user may not open it; the message says what to run.</exception>
    public static void EnsureUsable(string path = Path)
    {
        try
        {
            // Opening it does nothing until a TUNSETIFF; it proves only that QEMU, running as this user, may.
            using var device = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LabException($"{path} is missing, so QEMU cannot open the DUT's links. Load the tun module as root: sudo modprobe tun", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LabException(
                $"{Environment.UserName} may not open {path}, so QEMU cannot open the DUT's links. Make it usable by all users as stock "
                + "Debian does: sudo chmod 0666 /dev/net/tun, and keep it so across reboots with a udev rule: "
                + "echo 'KERNEL==\"tun\", MODE=\"0666\"' | sudo tee /etc/udev/rules.d/60-alpy-tun.rules", e);
        }
    }
}
