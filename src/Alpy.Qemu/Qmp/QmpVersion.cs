namespace Alpy.Qemu.Qmp;

/// <summary>QEMU's version from the QMP greeting, e.g. 7.2.22 with package "Debian 1:7.2+dfsg-7+deb12u18".</summary>
public sealed record QmpVersion(int Major, int Minor, int Micro, string Package)
{
    public override string ToString() => $"{Major}.{Minor}.{Micro}" + (Package.Length > 0 ? $" ({Package.Trim()})" : string.Empty);
}
