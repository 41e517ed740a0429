using System.Net.Http;
using System.Net.Sockets;

namespace Alpy.Lab.Docker;

/// <summary>
/// The Docker daemon could not be reached, stopped answering, or dropped the connection. The message names the
/// endpoint and what to do; <see cref="Exception.InnerException"/> is what Docker.DotNet or the socket reported.
/// (What the daemon refuses, it says itself: those are Docker.DotNet's <c>DockerApiException</c>s.)
/// </summary>
public sealed class DockerUnavailableException : LabException
{
    public DockerUnavailableException()
    {
    }

    public DockerUnavailableException(string message)
        : base(message)
    {
    }

    public DockerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private DockerUnavailableException(Uri endpoint, string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The daemon's address, e.g. unix:///var/run/docker.sock.</summary>
    public Uri? Endpoint { get; }

    /// <summary>
    /// What <paramref name="failure"/> of a call to the daemon at <paramref name="endpoint"/> means for a person, or null when it is
    /// not about reaching the daemon (the daemon's own refusals, bad arguments, the caller's cancellation).
    /// </summary>
    internal static DockerUnavailableException? Explain(Uri endpoint, Exception failure, TimeSpan timeout, CancellationToken callerToken)
    {
        var socket = endpoint.Scheme.Equals("unix", StringComparison.OrdinalIgnoreCase) ? endpoint.LocalPath : null;
        return failure switch
        {
            OperationCanceledException when !callerToken.IsCancellationRequested => new(endpoint,
                $"The Docker daemon at {endpoint} did not answer within {timeout.TotalSeconds:0.#} s. Is it hung or overloaded? "
                + "`docker info` shows whether it answers; its log may say why.", failure),
            // Reset, aborted, shut down: an established connection broke, which is a hang-up (below), not an unreachable daemon.
            _ when SocketErrorOf(failure) is { } error and not (SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown) =>
                new(endpoint, Unreachable(endpoint, socket, error, failure), failure),
            HttpRequestException or IOException or SocketException => new(endpoint,
                $"The Docker daemon at {endpoint} closed the connection {HowClosed(failure)}. Did dockerd stop or restart? "
                + "`docker info` shows whether it answers; scripts/install-prerequisites starts it.", failure),
            _ => null,
        };
    }

    private static string Unreachable(Uri endpoint, string? socket, SocketError error, Exception failure)
    {
        var reason = (socket, error) switch
        {
            ({ } path, _) when !File.Exists(path) => $"the socket {path} does not exist",
            ({ } path, SocketError.AccessDenied) => $"permission denied on the socket {path}",
            ({ } path, SocketError.ConnectionRefused) => $"connection refused: nobody listens on {path} (dockerd stopped or crashed?)",
            (_, SocketError.ConnectionRefused) => "connection refused",
            _ => Innermost(failure).Message,
        };
        var fix = (socket, error) switch
        {
            (not null, SocketError.AccessDenied) =>
                "Add your user to the docker group (sudo usermod -aG docker $USER, then log in again), or run as root.",
            (not null, _) => "Is dockerd running? Run scripts/install-prerequisites (it starts dockerd), or point DOCKER_HOST at a running daemon.",
            _ => "Is dockerd listening there? Check DOCKER_HOST, or unset it to use /var/run/docker.sock.",
        };
        return $"Docker daemon not reachable at {endpoint}: {reason}. {fix}";
    }

    /// <summary>
    /// The transport's own words when there are some ("(Connection reset by peer)"); Docker.DotNet reports a connection closed
    /// before any answer as a failed request around "Sequence contains no elements", which tells a reader nothing.
    /// </summary>
    private static string HowClosed(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is EndOfStreamException)
                return "in the middle of its answer";
            if (e is SocketException or IOException && e.InnerException is null)
                return $"({e.Message})";
        }
        return "without an answer";
    }

    private static SocketError? SocketErrorOf(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e.InnerException)
        {
            if (e is SocketException socket)
                return socket.SocketErrorCode;
        }
        return null;
    }

    private static Exception Innermost(Exception failure)
    {
        var e = failure;
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }
}
