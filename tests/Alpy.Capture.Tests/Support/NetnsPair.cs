using System.Diagnostics;
using System.Globalization;

namespace Alpy.Capture.Tests;

/// <summary>
/// Two network namespaces joined by a veth pair (10.77.0.1/24 and fd77::1/64 on side A; .2 and ::2 on B), made
/// for one test and deleted afterwards. Nothing is routed out of them: the only addresses are these. Names
/// carry the creating process's id ("alpycap-PID-..."), so that a later run deletes the namespaces of runs
/// that died before their cleanup; helpers run under coreutils' timeout so that none outlives a crash by long.
/// </summary>
internal sealed class NetnsPair : IAsyncDisposable
{
    public const string Prefix = "alpycap-";
    public const string AddressA = "10.77.0.1";
    public const string AddressB = "10.77.0.2";
    public const string Address6A = "fd77::1";
    public const string Address6B = "fd77::2";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);

    private NetnsPair(string tag)
    {
        NamespaceA = $"{Prefix}{Environment.ProcessId}-{tag}-a";
        NamespaceB = $"{Prefix}{Environment.ProcessId}-{tag}-b";
        // Interface names are at most 15 bytes: "ac" + process id + tag + side.
        InterfaceA = $"ac{Environment.ProcessId:x}{tag}a";
        InterfaceB = $"ac{Environment.ProcessId:x}{tag}b";
    }

    public string NamespaceA { get; }

    public string NamespaceB { get; }

    public string InterfaceA { get; }

    public string InterfaceB { get; }

    public static async Task<NetnsPair> CreateAsync(CancellationToken cancellationToken)
    {
        await ReapDeadRunsAsync(cancellationToken);
        var pair = new NetnsPair(Random.Shared.Next(0x1000).ToString("x3", CultureInfo.InvariantCulture));
        try
        {
            await pair.SetUpAsync(cancellationToken);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>The two ends of the pair.</summary>
    public enum Side
    {
        A,
        B,
    }

    public string NamespaceOf(Side side) => side == Side.A ? NamespaceA : NamespaceB;

    /// <summary>Runs a command inside one side's namespace, killed after 20 s at the latest.</summary>
    public Task<ProcessResult> ExecAsync(Side side, IReadOnlyList<string> command, byte[]? input = null, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(InNamespace(NamespaceOf(side), command), CommandTimeout + TimeSpan.FromSeconds(5), standardInput: input, cancellationToken: cancellationToken);

    /// <summary>The argument array that runs <paramref name="command"/> in a namespace under a time limit.</summary>
    public static IReadOnlyList<string> InNamespace(string space, IReadOnlyList<string> command, int seconds = 20, string signal = "TERM") =>
        ["ip", "netns", "exec", space, "timeout", "-s", signal, seconds.ToString(CultureInfo.InvariantCulture), .. command];

    /// <summary>Sends raw frames out of side A exactly as given (VLAN tags included), one socat per frame.</summary>
    public async Task SendRawAsync(IEnumerable<byte[]> frames, CancellationToken cancellationToken)
    {
        foreach (byte[] frame in frames)
        {
            (await ExecAsync(Side.A, ["socat", "-u", "STDIN", $"INTERFACE:{InterfaceA}"], frame, cancellationToken)).EnsureSuccess();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string space in new[] { NamespaceA, NamespaceB })
        {
            await ProcessRunner.RunAsync(["ip", "netns", "delete", space], CommandTimeout);
        }
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        string[][] commands =
        [
            ["ip", "netns", "add", NamespaceA],
            ["ip", "netns", "add", NamespaceB],
            // Created inside the namespaces: the pair never exists in the host's.
            ["ip", "link", "add", InterfaceA, "netns", NamespaceA, "type", "veth", "peer", "name", InterfaceB, "netns", NamespaceB],
            ["ip", "-n", NamespaceA, "address", "add", $"{AddressA}/24", "dev", InterfaceA],
            ["ip", "-n", NamespaceB, "address", "add", $"{AddressB}/24", "dev", InterfaceB],
            ["ip", "-n", NamespaceA, "-6", "address", "add", $"{Address6A}/64", "dev", InterfaceA, "nodad"],
            ["ip", "-n", NamespaceB, "-6", "address", "add", $"{Address6B}/64", "dev", InterfaceB, "nodad"],
            ["ip", "-n", NamespaceA, "link", "set", "lo", "up"],
            ["ip", "-n", NamespaceB, "link", "set", "lo", "up"],
            ["ip", "-n", NamespaceA, "link", "set", InterfaceA, "up"],
            ["ip", "-n", NamespaceB, "link", "set", InterfaceB, "up"],
        ];
        foreach (string[] command in commands)
        {
            (await ProcessRunner.RunAsync(command, CommandTimeout, cancellationToken: cancellationToken)).EnsureSuccess();
        }
    }

    /// <summary>Deletes namespaces left by test processes that no longer run (never those of a live process).</summary>
    private static async Task ReapDeadRunsAsync(CancellationToken cancellationToken)
    {
        ProcessResult list = await ProcessRunner.RunAsync(["ip", "netns", "list"], CommandTimeout, cancellationToken: cancellationToken);
        foreach (string line in list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = line.Split(' ')[0];
            string[] parts = name.Split('-');
            if (name.StartsWith(Prefix, StringComparison.Ordinal) && parts.Length == 4
                && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int pid) && !IsRunning(pid))
            {
                await ProcessRunner.RunAsync(["ip", "netns", "delete", name], CommandTimeout, cancellationToken: cancellationToken);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
