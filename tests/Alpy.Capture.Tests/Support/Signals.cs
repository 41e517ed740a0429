using System.Runtime.InteropServices;

namespace Alpy.Capture.Tests;

/// <summary>Sends POSIX signals (the runtime only offers SIGKILL through Process.Kill).</summary>
internal static partial class Signals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
