using System.Net.Sockets;

namespace Alpy.Qemu.Tests.Support;

/// <summary>Two connected unix stream sockets (as QEMU's chardev and its client would be), over a socket file in a
/// temp folder that is removed on disposal.</summary>
public sealed class SocketPair : IAsyncDisposable
{
    private readonly TempDirectory _folder;

    private SocketPair(TempDirectory folder, NetworkStream client, NetworkStream server)
    {
        _folder = folder;
        Client = client;
        Server = server;
    }

    /// <summary>The side handed to the code under test.</summary>
    public NetworkStream Client { get; }

    /// <summary>The side the test plays the peer on.</summary>
    public NetworkStream Server { get; }

    public static async Task<SocketPair> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = TempDirectory.Create();
        var endpoint = new UnixDomainSocketEndPoint(Path.Combine(folder.Path, "s.sock"));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(endpoint);
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(endpoint, cancellationToken);
        var server = await listener.AcceptAsync(cancellationToken);
        return new SocketPair(folder, new NetworkStream(client, ownsSocket: true), new NetworkStream(server, ownsSocket: true));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
