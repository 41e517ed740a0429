namespace Alpy.Lab.Images;

/// <summary>
/// An installed Debian package whose files (as dpkg lists them) go into an image with the libraries its ELF files
/// need. Documentation, manual pages and service units are left out; <see cref="Only"/> narrows it further.
/// Packages it depends on are not followed: their libraries come through the ELF files, other files need their
/// own entry.
/// </summary>
/// <param name="Name">The package, e.g. <c>iperf3</c> or <c>libiperf0</c>.</param>
/// <param name="Only">When given, only files under these directories, e.g. <c>["/usr/bin"]</c>.</param>
public sealed record HostPackage(string Name, IReadOnlyList<string>? Only = null)
{
    /// <summary>What an image of lab tools never needs.</summary>
    public static IReadOnlyList<string> Excluded { get; } =
    [
        "/usr/share/doc/", "/usr/share/man/", "/usr/share/info/", "/usr/share/lintian/", "/usr/share/bug/",
        "/lib/systemd/", "/usr/lib/systemd/", "/etc/init.d/", "/etc/ufw/",
    ];

    /// <summary>True when <paramref name="path"/> of this package belongs in the image.</summary>
    public bool Includes(string path) =>
        !Excluded.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal))
        && (Only is null || Only.Any(directory => path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal)));
}
