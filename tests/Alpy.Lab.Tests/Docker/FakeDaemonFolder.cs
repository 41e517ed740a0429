using System.Net.Sockets;

namespace Alpy.Lab.Tests.Docker;

/// <summary>
/// A temp folder for sockets that stand where a Docker daemon should be: one nobody listens on, one that never answers, one
/// that hangs up, one the user may not open. Everyone may enter it (a test runs a process as nobody); disposal removes it.
/// <see cref="NobodysEnvironment"/> gives such a process a home and a temp folder inside it.
/// </summary>
internal sealed class FakeDaemonFolder : IDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();

    private const string Prefix = "alpy-test-docker-";

    public FakeDaemonFolder()
    {
        RemoveThoseOfDeadTestProcesses();
        Directory.CreateDirectory(Path);
        System.IO.File.SetUnixFileMode(Path, (UnixFileMode)0x1FF); // 0777: nobody's HOME and run registry live here too
    }

    // In /tmp itself, not $TMPDIR: the run scripts point TMPDIR at a folder only the run's user may enter (0700), and
    // user nobody must reach this one.
    // Named with the test process's pid, so that a later run removes what a killed one left.
    public string Path { get; } = System.IO.Path.Combine("/tmp", $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    private static void RemoveThoseOfDeadTestProcesses()
    {
        foreach (var folder in Directory.EnumerateDirectories("/tmp", Prefix + "*"))
        {
            var pid = System.IO.Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(pid, out var id) && !Directory.Exists($"/proc/{id}"))
            {
                try { Directory.Delete(folder, recursive: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another user's, or going
            }
        }
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>HOME, TMPDIR and the lab run registry of a process run as nobody, in a home folder everyone may write.</summary>
    public Dictionary<string, string> NobodysEnvironment()
    {
        var home = File("home");
        Directory.CreateDirectory(home);
        System.IO.File.SetUnixFileMode(home, (UnixFileMode)0x1FF);
        return new Dictionary<string, string>
        {
            // Made by the user itself: a registry folder of another user's is refused (RunRegistry).
            ["ALPY_RUNS"] = System.IO.Path.Combine(home, "runs"),
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["TMPDIR"] = home,
        };
    }

    public static Uri Endpoint(string socketPath) => new("unix://" + socketPath);

    /// <summary>A socket file bound but not listening: what a crashed daemon leaves (connect says "connection refused").</summary>
    public string Dead(string name) => Bind(name, listen: false).Path;

    /// <summary>A socket that accepts connections (the kernel's backlog) but never answers: a hung daemon.</summary>
    public string Silent(string name) => Bind(name, listen: true).Path;

    /// <summary>A socket that reads a request and closes the connection without an answer: a daemon dying mid-request.</summary>
    public string HangingUp(string name)
    {
        var (socket, path) = Bind(name, listen: true);
        _ = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!_stop.IsCancellationRequested)
            {
                using var connection = await socket.AcceptAsync(_stop.Token);
                await connection.ReceiveAsync(buffer, _stop.Token);
                connection.Shutdown(SocketShutdown.Both);
            }
        });
        return path;
    }

    /// <summary>A listening socket only its owner (root) may open: mode 0600.</summary>
    public string Private(string name)
    {
        var (_, path) = Bind(name, listen: true);
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var socket in _sockets)
            socket.Dispose();
        _stop.Dispose();
        Directory.Delete(Path, recursive: true);
    }

    private (Socket Socket, string Path) Bind(string name, bool listen)
    {
        var path = File(name);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _sockets.Add(socket);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        if (listen)
            socket.Listen(8);
        return (socket, path);
    }
}
