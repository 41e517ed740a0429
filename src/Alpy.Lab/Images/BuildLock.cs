using System.Net.Sockets;

namespace Alpy.Lab.Images;

/// <summary>
/// A host-wide lock per image name, so that processes building the same image at once take turns and the later
/// ones reuse what the first built. It is a unix socket bound in the abstract namespace: binding is exclusive,
/// nothing is written to disk, and the kernel releases it when the holder exits, however it exits.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly Socket socket;

    private BuildLock(Socket socket) => this.socket = socket;

    /// <exception cref="ImageBuildException">Another process held the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<BuildLock> AcquireAsync(string imageName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var endpoint = new UnixDomainSocketEndPoint($"\0alpy-image-build-{imageName}");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Bind(endpoint);
                return new BuildLock(socket);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                socket.Dispose();
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new ImageBuildException(
                    $"Image '{imageName}': another process has been building it for more than {timeout.TotalSeconds:0} s. "
                    + "If no build is running, a process may hang: find it with `ss -xlp | grep alpy-image-build` and end it.");
            }

            await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => socket.Dispose();
}
