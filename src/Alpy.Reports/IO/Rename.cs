using System.Runtime.InteropServices;

namespace Alpy.Reports.IO;

/// <summary>rename(2): replaces a symbolic link atomically, which File.Move and Directory.Move do not offer for links to folders.</summary>
internal static partial class Rename
{
    public static void Replace(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (NativeRename(source, destination) != 0)
            {
                throw new IOException($"rename {source} -> {destination} failed (errno {Marshal.GetLastPInvokeError()}).");
            }

            return;
        }

        if (Directory.Exists(destination))
        {
            Directory.Delete(destination);
        }

        Directory.Move(source, destination);
    }

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeRename(string oldPath, string newPath);
}
