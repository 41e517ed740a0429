using System.Globalization;

namespace Alpy.Qemu;

/// <summary>How a QEMU process ended, in words: its exit code, or the signal that killed it (128 + signal).</summary>
public static class QemuExit
{
    /// <summary>"exited with code 1", "was killed by signal 9 (SIGKILL)".</summary>
    public static string Describe(int code) => code is > 128 and < 160
        ? string.Create(CultureInfo.InvariantCulture, $"was killed by signal {code - 128}{SignalName(code - 128)}")
        : string.Create(CultureInfo.InvariantCulture, $"exited with code {code}");

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        15 => " (SIGTERM)",
        _ => string.Empty,
    };
}
