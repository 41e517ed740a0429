using System.Collections.Concurrent;
using System.Diagnostics;

namespace Alpy.Qemu.Snapshots;

/// <summary>
/// The first line of <c>QEMU --version</c>, asked once per binary and process: a saved machine state loads only
/// into the QEMU version that wrote it, so the version is part of its key before QEMU runs.
/// </summary>
public static class QemuVersion
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Known = new(StringComparer.Ordinal);

    /// <exception cref="QemuException">The binary is missing or does not answer within 10 s.</exception>
    public static Task<string> OfAsync(string binary, CancellationToken cancellationToken = default)
    {
        var path = Executable.Find(binary)
            ?? throw new QemuOptionsException(
                $"The QEMU binary '{binary}' was not found. Install Debian's qemu-system-x86 (scripts/install-prerequisites does) or give its path.",
                nameof(binary));
        var version = Known.GetOrAdd(path, p => new Lazy<Task<string>>(() => AskAsync(p)));
        return version.Value.WaitAsync(cancellationToken);
    }

    private static async Task<string> AskAsync(string path)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--version");
        using var process = Process.Start(start) ?? throw new QemuException($"{path} --version could not be started.");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(limit.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            var first = output.Split('\n', 2)[0].Trim();
            return process.ExitCode == 0 && first.Length > 0
                ? first
                : throw new QemuException($"{path} --version exited with {process.ExitCode} and printed «{first}»; is it QEMU?");
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new QemuException($"{path} --version did not answer within 10 s; is the host overloaded?");
        }
    }
}
