namespace Alpy.Lab.Images;

/// <summary>
/// A file of the host copied into an image; an ELF executable or library brings its shared libraries and
/// dynamic loader along.
/// </summary>
/// <param name="HostPath">The absolute path on the host (symbolic links are followed).</param>
/// <param name="DebianPackage">The Debian package that provides it, named in the error when it is missing.</param>
/// <param name="ImagePath">Where it goes in the image; null: the same path as on the host.</param>
public sealed record HostFile(string HostPath, string DebianPackage, string? ImagePath = null)
{
    /// <summary>The absolute path in the image.</summary>
    public string TargetPath => ImagePath ?? HostPath;
}
