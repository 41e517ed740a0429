using System.Security.Cryptography;

namespace Alpy.Qemu.Tests.Support;

/// <summary>
/// Taps and network namespaces for one test fixture, all named with a unique prefix ("aq" + 6 hex), and all
/// removed on disposal, also when the test failed. The namespaces are wired only to taps that QEMU opens:
/// nothing routes them to the host or beyond. Needs root (ip tuntap, ip netns).
/// </summary>
public sealed class TestNetwork : IAsyncDisposable
{
    private readonly List<string> _taps = [];
    private readonly List<string> _namespaces = [];

    public string Prefix { get; } = "aq" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Creates tap <c>PREFIX t{index}</c> in the host namespace, for QEMU to open.</summary>
    public async Task<string> CreateTapAsync(int index)
    {
        var tap = $"{Prefix}t{index}";
        await Command.RunCheckedAsync(["ip", "tuntap", "add", "dev", tap, "mode", "tap"], Cancellation);
        _taps.Add(tap);
        return tap;
    }

    /// <summary>Creates namespace <c>PREFIX-n{index}</c> with lo up.</summary>
    public async Task<string> CreateNamespaceAsync(int index)
    {
        var name = $"{Prefix}-n{index}";
        await Command.RunCheckedAsync(["ip", "netns", "add", name], Cancellation);
        _namespaces.Add(name);
        await Command.RunCheckedAsync(["ip", "-n", name, "link", "set", "lo", "up"], Cancellation);
        return name;
    }

    /// <summary>Moves <paramref name="tap"/> (already opened by QEMU) into <paramref name="ns"/>, addresses it and routes
    /// the namespace's default through <paramref name="gateway"/> (the DUT).</summary>
    public static async Task AttachAsync(string tap, string ns, string[] addresses, string gateway)
    {
        await Command.RunCheckedAsync(["ip", "link", "set", tap, "netns", ns], Cancellation);
        foreach (var address in addresses)
        {
            await Command.RunCheckedAsync(["ip", "-n", ns, "addr", "add", address, "dev", tap], Cancellation);
        }

        await Command.RunCheckedAsync(["ip", "-n", ns, "link", "set", tap, "up"], Cancellation);
        await Command.RunCheckedAsync(["ip", "-n", ns, "route", "add", "default", "via", gateway], Cancellation);
    }

    /// <summary>Runs <paramref name="argv"/> inside namespace <paramref name="ns"/>.</summary>
    public static Task<CommandOutput> ExecAsync(string ns, params string[] argv) =>
        Command.RunAsync(["ip", "netns", "exec", ns, .. argv], TimeSpan.FromSeconds(30), Cancellation);

    /// <summary>Names of host interfaces that start with this network's prefix (to prove nothing is left).</summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync()
    {
        var links = await Command.RunAsync(["ip", "-o", "link", "show"]);
        var namespaces = await Command.RunAsync(["ip", "netns", "list"]);
        return (links.Stdout + namespaces.Stdout)
            .Split('\n')
            .Where(line => line.Contains(Prefix, StringComparison.Ordinal))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        // Taps first (inside their namespace or on the host), then the namespaces; every step runs even if one fails.
        foreach (var tap in _taps)
        {
            foreach (var ns in _namespaces)
            {
                await Command.RunAsync(["ip", "-n", ns, "link", "del", tap]);
            }

            await Command.RunAsync(["ip", "link", "del", tap]);
        }

        foreach (var ns in _namespaces)
        {
            await Command.RunAsync(["ip", "netns", "del", ns]);
        }
    }
}
