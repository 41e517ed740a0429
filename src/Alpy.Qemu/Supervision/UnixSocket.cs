using System.Net.Sockets;

namespace Alpy.Qemu;

/// <summary>Connects to a unix socket that a starting process (QEMU) is about to create.</summary>
internal static class UnixSocket
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Retries until the socket accepts, <paramref name="timeout"/> passes, or <paramref name="stopped"/>
    /// completes (the process that should serve it died: then the result is null). <paramref name="what"/> names
    /// the socket in errors.
    /// </summary>
    public static async Task<Socket?> ConnectAsync(
        string path, TimeSpan timeout, Task? stopped, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var endpoint = new UnixDomainSocketEndPoint(path);
        SocketException? last = null;
        while (true)
        {
            if (stopped?.IsCompleted == true)
            {
                return null;
            }

            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(endpoint, deadline.Token).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused)
            {
                // Not there yet (ENOENT surfaces as AddressNotAvailable) or not listening yet: try again shortly.
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Nothing accepted connections on the {what} socket {path} within {timeout.TotalSeconds:0.#} s " +
                    $"(last error: {last?.SocketErrorCode.ToString() ?? "none"}).", last);
            }
        }
    }
}
