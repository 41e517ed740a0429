namespace Alpy.Lab.Images;

/// <summary>A directory an image must have, with its permissions (e.g. <c>/tmp</c> with 1777).</summary>
public sealed record ImageDirectory(string Path, UnixFileMode Mode = ImageDirectory.DefaultMode)
{
    /// <summary>rwxr-xr-x.</summary>
    public const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>rwxrwxrwt, for /tmp.</summary>
    public const UnixFileMode Sticky = UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
}
