using System.Net.Sockets;

namespace Alpy.Docker;

/// <summary>
/// A process's claim on a label value, so that what it creates in Docker can be found and, if the process is killed,
/// reaped by the next process. The claim is a unix socket bound in the abstract namespace
/// (<c>@alpy-session-VALUE</c>): binding is exclusive, nothing is written to disk, and the kernel releases it when
/// the process exits however it exits. Linux only; sessions are seen within one network namespace.
/// </summary>
public sealed class DockerSession : IDisposable
{
    private readonly Socket socket;

    private DockerSession(string label, string value, Socket socket)
    {
        Label = label;
        Value = value;
        this.socket = socket;
    }

    /// <summary>The label's name, e.g. <c>alpy.test</c>.</summary>
    public string Label { get; }

    /// <summary>This session's value of the label: the prefix and a random part.</summary>
    public string Value { get; }

    /// <summary>The label to put on every object of the session.</summary>
    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string>(StringComparer.Ordinal) { [Label] = Value };

    /// <summary>Starts a session: claims a fresh value <paramref name="prefix"/>+random of <paramref name="label"/>.</summary>
    public static DockerSession Start(string label, string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var value = prefix + Guid.NewGuid().ToString("N")[..12];
        return new DockerSession(label, value, TryClaim(value) ?? throw new InvalidOperationException($"Session {value} is already claimed."));
    }

    /// <summary>True while the process that started the session with this value lives.</summary>
    public static bool IsAlive(string value)
    {
        using var claim = TryClaim(value);
        return claim is null;
    }

    /// <summary>
    /// Removes the containers (forcefully) and images labelled <paramref name="label"/>=<paramref name="prefix"/>... of
    /// sessions whose process has died; those of living sessions stay.
    /// </summary>
    /// <returns>The session values reaped.</returns>
    public static async Task<IReadOnlyList<string>> ReapDeadAsync(DockerClient docker, string label, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var containers = await docker.Containers.ListAsync(new ContainerListOptions { Labels = [label] }, cancellationToken).ConfigureAwait(false);
        var images = await docker.Images.ListAsync(new ImageListOptions { Labels = [label] }, cancellationToken).ConfigureAwait(false);
        var reaped = new List<string>();
        var sessions = containers.Select(c => c.Labels.GetValueOrDefault(label))
            .Concat(images.Select(i => i.Labels?.GetValueOrDefault(label)))
            .OfType<string>()
            .Where(value => value.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
        foreach (var value in sessions)
        {
            // Holding the dead session's claim while reaping keeps a second reaper away from it.
            using var claim = TryClaim(value);
            if (claim is null)
            {
                continue;
            }

            foreach (var container in containers.Where(c => c.Labels.GetValueOrDefault(label) == value))
            {
                await IgnoreGoneAsync(docker.Containers.RemoveAsync(container.Id, force: true, cancellationToken)).ConfigureAwait(false);
            }

            foreach (var image in images.Where(i => i.Labels?.GetValueOrDefault(label) == value))
            {
                await IgnoreGoneAsync(docker.Images.RemoveAsync(image.Id, force: true, cancellationToken)).ConfigureAwait(false);
            }

            reaped.Add(value);
        }

        return reaped;
    }

    /// <summary>Ends the session: the value is free, and its objects are reapable if any were left.</summary>
    public void Dispose() => socket.Dispose();

    private static Socket? TryClaim(string value)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint($"\0alpy-session-{value}"));
            return socket;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            return null;
        }
    }

    private static async Task IgnoreGoneAsync(Task removal)
    {
        try
        {
            await removal.ConfigureAwait(false);
        }
        catch (DockerNotFoundException)
        {
            // Removed meanwhile: what reaping wanted.
        }
    }
}
