using System.Net;
using System.Net.Sockets;

namespace Alpy.Docker.Tests.Integration;

/// <summary>
/// Forwards connections from 127.0.0.1 (an ephemeral port) to the daemon's unix socket, so that the client's
/// tcp:// transport can be tested against the real daemon. Loopback only; stops with the test.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public LoopbackProxy(string socketPath)
    {
        listener.Start();
        accepting = AcceptAsync(socketPath);
    }

    public string Address => $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync(string socketPath)
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = RelayAsync(client, socketPath);
        }
    }

    private async Task RelayAsync(TcpClient client, string socketPath)
    {
        using (client)
        using (var daemon = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await daemon.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), stop.Token);
            await using var upstream = new NetworkStream(daemon);
            var downstream = client.GetStream();
            var token = stop.Token;
            await Task.WhenAny(downstream.CopyToAsync(upstream, token), upstream.CopyToAsync(downstream, token));
        }
    }
}
