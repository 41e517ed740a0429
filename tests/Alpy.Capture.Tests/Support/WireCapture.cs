namespace Alpy.Capture.Tests;

/// <summary>
/// tcpdump -w on side B of a <see cref="NetnsPair"/>: started, waited for until it listens, stopped with
/// SIGINT so that it flushes its file. Packet-buffered and immediate, so the file grows as frames pass.
/// </summary>
internal sealed class WireCapture : IAsyncDisposable
{
    private readonly BackgroundProcess _tcpdump;

    private WireCapture(BackgroundProcess tcpdump, string file)
    {
        _tcpdump = tcpdump;
        File = file;
    }

    public string File { get; }

    public static async Task<WireCapture> StartAsync(NetnsPair pair, string file, CancellationToken cancellationToken, params string[] extraFlags)
    {
        IReadOnlyList<string> command = NetnsPair.InNamespace(
            pair.NamespaceB,
            ["tcpdump", "-i", pair.InterfaceB, "--immediate-mode", "-U", "-s", "0", "-w", file, .. extraFlags],
            seconds: 120,
            signal: "INT");
        BackgroundProcess tcpdump = BackgroundProcess.Start(command);
        try
        {
            await tcpdump.WaitForErrorOutputAsync("listening on", TimeSpan.FromSeconds(15), cancellationToken);
            return new WireCapture(tcpdump, file);
        }
        catch
        {
            await tcpdump.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lets the last frames land, then stops tcpdump (SIGINT: it writes what it has and exits).</summary>
    public async Task StopAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await _tcpdump.StopAsync(Signals.Interrupt, TimeSpan.FromSeconds(10));
    }

    public ValueTask DisposeAsync() => _tcpdump.DisposeAsync();
}
