using System.Text;

namespace Alpy.Lab.Images;

/// <summary>A file whose content the recipe gives, e.g. <c>/etc/passwd</c>.</summary>
/// <param name="Path">The absolute path in the image.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Mode">Unix permissions (default rw-r--r--).</param>
public sealed record GeneratedFile(string Path, ReadOnlyMemory<byte> Content, UnixFileMode Mode = GeneratedFile.DefaultMode)
{
    /// <summary>rw-r--r--.</summary>
    public const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>A text file, encoded as UTF-8.</summary>
    public static GeneratedFile FromText(string path, string text, UnixFileMode mode = DefaultMode) => new(path, Encoding.UTF8.GetBytes(text), mode);
}
