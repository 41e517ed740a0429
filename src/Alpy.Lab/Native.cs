using System.Runtime.InteropServices;

namespace Alpy.Lab;

/// <summary>
/// The libc calls the lab makes: the user id that taps are created for (so that QEMU can open them without root) and
/// whose runs the reaper may touch, and taking ownership of the run registry folder.
/// </summary>
internal static class Native
{
    public static uint GetEffectiveUserId() => GetEuid();

    /// <summary>
    /// Makes this user the owner of <paramref name="path"/> (not following a symbolic link); false with the errno when the
    /// kernel refuses, i.e. another user owns it and this process is not root.
    /// </summary>
    public static bool TryOwn(string path, out int errno)
    {
        var ok = LChown(path, GetEuid(), GetEgid()) == 0;
        errno = ok ? 0 : Marshal.GetLastPInvokeError();
        return ok;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEuid();

    [DllImport("libc", EntryPoint = "getegid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEgid();

    [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LChown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
