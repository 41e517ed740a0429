using System.Net.Sockets;

namespace Alpy.Docker.Http;

/// <summary>The HTTP handler that carries requests to the daemon: pooled connections over a unix socket or TCP.</summary>
internal static class UnixSocketHandler
{
    public static SocketsHttpHandler Create(DockerClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = options.ConnectTimeout,
            // The daemon closes idle keep-alive connections after a while; recycling ours earlier avoids a stale one.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
        };

        if (options.Endpoint.SocketPath is { } path)
        {
            var endpoint = new UnixDomainSocketEndPoint(path);
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }
}
