namespace Alpy.Docker;

/// <summary>A small file to put into a container before it starts, e.g. a script or a config.</summary>
/// <param name="Name">The path relative to the upload directory, with '/' separators and no '..'.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Mode">Unix permissions (default rw-r--r--).</param>
public sealed record ArchiveFile(string Name, ReadOnlyMemory<byte> Content, UnixFileMode Mode = ArchiveFile.DefaultMode)
{
    public const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>A text file, encoded as UTF-8.</summary>
    public static ArchiveFile FromText(string name, string text, UnixFileMode mode = DefaultMode) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(text), mode);

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Name) || Name.StartsWith('/') || Name.Contains('\0', StringComparison.Ordinal)
            || Name.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException(
                $"Archive file name '{Name}' must be a relative path without empty, '.' or '..' parts.", nameof(Name));
        }
    }
}
