using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Alpy.Capture.Tests;

/// <summary>
/// A lab link without a guest: QEMU (no machine, no CPU) with a socket netdev fed over loopback UDP, joined by a
/// hub to a second socket netdev that forwards every frame to a loopback port this class listens on, and
/// filter-dump writing every frame of the first netdev to a pcap, as the lab does for each DUT link. Everything
/// stays on 127.0.0.1; QEMU runs under a time limit and is killed on dispose.
/// </summary>
internal sealed class QemuDumpLink : IAsyncDisposable
{
    private readonly BackgroundProcess _qemu;
    private readonly UdpClient _sender;
    private readonly int _inputPort;

    private QemuDumpLink(BackgroundProcess qemu, UdpClient sender, UdpClient sink, int inputPort, string dump)
    {
        _qemu = qemu;
        _sender = sender;
        Sink = sink;
        _inputPort = inputPort;
        DumpFile = dump;
    }

    public string DumpFile { get; }

    /// <summary>Receives the frames QEMU forwards out of the link, one UDP datagram each.</summary>
    public UdpClient Sink { get; }

    public static async Task<QemuDumpLink> StartAsync(string dump, CancellationToken cancellationToken)
    {
        var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var sink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int senderPort = Port(sender);
        int sinkPort = Port(sink);
        int inputPort = FreePort();
        int outputPort = FreePort();
        string Loopback(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        BackgroundProcess qemu = BackgroundProcess.Start(
        [
            "timeout", "120", "qemu-system-x86_64", "-M", "none", "-nodefaults", "-display", "none",
            "-netdev", $"socket,id=link,udp={Loopback(senderPort)},localaddr={Loopback(inputPort)}",
            "-netdev", "hubport,id=linkport,hubid=0,netdev=link",
            "-netdev", $"socket,id=peer,udp={Loopback(sinkPort)},localaddr={Loopback(outputPort)}",
            "-netdev", "hubport,id=peerport,hubid=0,netdev=peer",
            "-object", $"filter-dump,id=dump,netdev=link,file={dump}",
        ]);
        var link = new QemuDumpLink(qemu, sender, sink, inputPort, dump);
        try
        {
            // filter-dump writes the file header when it starts: then the link is ready.
            for (int i = 0; !(File.Exists(dump) && new FileInfo(dump).Length >= 24); i++)
            {
                if (i == 200)
                {
                    throw new InvalidOperationException($"QEMU did not start its filter-dump within 10 s. stderr: {qemu.StandardError.Trim()}");
                }

                await Task.Delay(50, cancellationToken);
            }

            return link;
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }
    }

    /// <summary>Puts a frame on the link: QEMU's socket netdev takes each datagram as one Ethernet frame.</summary>
    public Task SendAsync(byte[] frame, CancellationToken cancellationToken) =>
        _sender.SendAsync(frame, new IPEndPoint(IPAddress.Loopback, _inputPort), cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _qemu.StopAsync(Signals.Terminate, TimeSpan.FromSeconds(5));
        await _qemu.DisposeAsync();
        _sender.Dispose();
        Sink.Dispose();
    }

    private static int Port(UdpClient client) => ((IPEndPoint)client.Client.LocalEndPoint!).Port;

    private static int FreePort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return Port(probe);
    }
}
