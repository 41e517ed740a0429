using System.Text.RegularExpressions;
using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Images;

/// <summary>
/// A DUT's console contract for "booted": it prints <paramref name="ReadyPattern"/>, then its
/// <paramref name="Prompt"/>; or <paramref name="FailurePattern"/> and the reason on the same line when it cannot
/// apply its configuration. The one implementation of the wait, for boot images and the lab alike.
/// </summary>
/// <param name="Name">The DUT's name, for messages.</param>
/// <param name="ReadyPattern">Text the DUT prints once booted and configured.</param>
/// <param name="FailurePattern">Text the DUT prints instead when its configuration failed; null when it has none.</param>
/// <param name="Prompt">The shell prompt that follows.</param>
public sealed record BootReadiness(string Name, string ReadyPattern, string? FailurePattern, string Prompt)
{
    /// <summary>
    /// Waits for the ready marker, then the prompt. When the failure marker comes instead, fails at once with the
    /// reason the DUT gave (e.g. a bad address plan) and the console tail, rather than after <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="QemuException">The DUT reported a failed boot.</exception>
    /// <exception cref="ConsoleTimeoutException">Nothing came within <paramref name="timeout"/> (from each wait's start).</exception>
    public async Task WaitAsync(SerialConsole console, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var outcome = FailurePattern is null
            ? ConsolePattern.Text(ReadyPattern)
            : ConsolePattern.Regex(new Regex($"{Regex.Escape(ReadyPattern)}|{Regex.Escape(FailurePattern)}[^\r\n]*\r?\n", RegexOptions.CultureInvariant));
        var seen = await console.WaitForAsync(outcome, timeout, cancellationToken).ConfigureAwait(false);
        if (FailurePattern is not null && seen.Value.StartsWith(FailurePattern, StringComparison.Ordinal))
        {
            // The whole line (the pattern waits for its end), so that the reason is not cut where a read ended.
            throw new QemuException(
                $"The DUT {Name} did not get ready; it reported: {seen.Value.TrimEnd()}." +
                " Check the kernel command line (the address plan) against docs/dut.md." +
                Evidence.Block("Console (last lines)", console.Tail()));
        }

        await console.WaitForAsync(Prompt, timeout, cancellationToken).ConfigureAwait(false);
    }
}
