using System.Runtime.InteropServices;

namespace Alpy.Lab;

/// <summary>The one libc call the lab makes: the user id that taps are created for, so that QEMU can open them without root.</summary>
internal static class Native
{
    public static uint GetEffectiveUserId() => GetEuid();

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint GetEuid();
}
