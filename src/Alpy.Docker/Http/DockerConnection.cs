using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alpy.Docker.Json;
using Microsoft.Extensions.Logging;

namespace Alpy.Docker.Http;

/// <summary>
/// The one HTTP connection pool to the daemon: negotiates the API version once, prefixes every path with it,
/// bounds every request by a timeout, and turns failures into <see cref="DockerException"/>s people can act on.
/// </summary>
internal sealed class DockerConnection : IDisposable
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly HttpClient http;
    private readonly ILogger logger;
    private readonly SemaphoreSlim negotiation = new(1, 1);

    // A box, so that a reader on another thread sees either no version or a whole one (a struct may tear).
    private StrongBox<DockerApiVersion>? version;

    public DockerConnection(DockerClientOptions options, HttpMessageHandler handler, bool disposeHandler, ILogger logger)
    {
        Options = options;
        this.logger = logger;
        version = options.ApiVersion is { } pinned ? new StrongBox<DockerApiVersion>(pinned) : null;
        http = new HttpClient(handler, disposeHandler)
        {
            BaseAddress = options.Endpoint.BaseAddress,
            // Every request is bounded by a TimeoutScope instead, so that long waits can have longer limits.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public DockerClientOptions Options { get; }

    /// <summary>The API version requests use: pinned, or min(daemon's, client's maximum), asked once per client.</summary>
    public async Task<DockerApiVersion> GetApiVersionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref version) is { } known)
        {
            return known.Value;
        }

        await negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (version is { } raced)
            {
                return raced.Value;
            }

            var daemon = await WithTimeoutAsync("GET /_ping", Options.RequestTimeout, AskDaemonVersionAsync, cancellationToken).ConfigureAwait(false);
            if (daemon < DockerApiVersion.MinimumSupported)
            {
                throw new DockerException(
                    $"The Docker daemon at {Options.Endpoint} speaks API {daemon}, older than {DockerApiVersion.MinimumSupported}, "
                    + "the oldest Alpy.Docker supports. Upgrade Docker (Debian 12's docker.io speaks 1.41).");
            }

            var chosen = daemon < DockerApiVersion.MaximumSupported ? daemon : DockerApiVersion.MaximumSupported;
            Log.ApiVersionNegotiated(logger, Options.Endpoint.Address, daemon, chosen);
            Volatile.Write(ref version, new StrongBox<DockerApiVersion>(chosen));
            return chosen;
        }
        finally
        {
            negotiation.Release();
        }
    }

    /// <summary>Sends a request expecting a JSON answer, within <see cref="DockerClientOptions.RequestTimeout"/>.</summary>
    public Task<T> SendAsync<T>(HttpMethod method, string path, QueryString? query, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken cancellationToken) =>
        WithTimeoutAsync(Describe(method, path, query), Options.RequestTimeout, async token =>
        {
            using var response = await SendAsync(method, path, query, content, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            return await ReadJsonAsync(response, answer, Describe(method, path, query), token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Sends a request whose answer carries nothing of interest, within <see cref="DockerClientOptions.RequestTimeout"/>.</summary>
    public Task SendAsync(HttpMethod method, string path, QueryString? query, HttpContent? content, CancellationToken cancellationToken) =>
        WithTimeoutAsync(Describe(method, path, query), Options.RequestTimeout, async token =>
        {
            using var response = await SendAsync(method, path, query, content, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Sends a request under the negotiated version and returns the successful answer. With
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/> the body is still to be read and the caller disposes it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, QueryString? query, HttpContent? content, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var apiVersion = await GetApiVersionAsync(cancellationToken).ConfigureAwait(false);
        return await SendCoreAsync(method, $"/v{apiVersion}{path}", path, query, content, completion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="action"/> under a deadline; the deadline passing becomes a <see cref="DockerTimeoutException"/>.</summary>
    public static async Task<T> WithTimeoutAsync<T>(string what, TimeSpan timeout, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        using var scope = new TimeoutScope(timeout, cancellationToken);
        try
        {
            return await action(scope.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (scope.TimedOut)
        {
            throw new DockerTimeoutException(
                $"Docker {what} did not finish within {timeout.TotalSeconds:0.###} s. The daemon may be overloaded; "
                + "check `docker info` and the daemon's log, or raise the timeout.",
                timeout,
                e);
        }
    }

    public static string Describe(HttpMethod method, string path, QueryString? query) => $"{method} {path}{query}";

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> answer, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(answer, cancellationToken).ConfigureAwait(false)
                ?? throw new DockerException($"Docker {what} answered with an empty body where JSON was expected.");
        }
        catch (JsonException e)
        {
            throw new DockerException($"Docker {what} answered with JSON this client cannot read: {e.Message}", response.StatusCode, null, e);
        }
    }

    public void Dispose()
    {
        http.Dispose();
        negotiation.Dispose();
    }

    private async Task<DockerApiVersion> AskDaemonVersionAsync(CancellationToken cancellationToken)
    {
        using (var ping = await SendUnversionedAsync(HttpMethod.Get, "/_ping", null, null, HttpCompletionOption.ResponseContentRead, cancellationToken)
                   .ConfigureAwait(false))
        {
            if (ping.Headers.TryGetValues("Api-Version", out var values) && DockerApiVersion.TryParse(values.FirstOrDefault(), out var announced))
            {
                return announced;
            }
        }

        // Daemons that do not announce their version in the ping's headers still report it in /version.
        using var response = await SendUnversionedAsync(HttpMethod.Get, "/version", null, null, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        var reported = await ReadJsonAsync(response, DockerJsonContext.Default.DockerVersion, "GET /version", cancellationToken).ConfigureAwait(false);
        return DockerApiVersion.TryParse(reported.ApiVersion, out var parsed)
            ? parsed
            : throw new DockerException($"The Docker daemon at {Options.Endpoint} reports no usable API version ('{reported.ApiVersion}').");
    }

    /// <summary>Sends a request to a path as given (no version prefix): the ping, and the negotiation itself.</summary>
    public Task<HttpResponseMessage> SendUnversionedAsync(
        HttpMethod method, string path, QueryString? query, HttpContent? content, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        SendCoreAsync(method, path, path, query, content, completion, cancellationToken);

    /// <param name="method">The HTTP method.</param>
    /// <param name="requestPath">The path sent, with the version prefix.</param>
    /// <param name="path">The path as errors and logs name it, without the version prefix.</param>
    /// <param name="query">The query, if any.</param>
    /// <param name="content">The body, if any.</param>
    /// <param name="completion">Whether to return after the headers or after the whole answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpMethod method, string requestPath, string path, QueryString? query, HttpContent? content, HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, requestPath + query) { Content = content };
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                                 || e.InnerException is SocketException)
        {
            throw new DockerUnreachableException(Options.Endpoint, ExplainUnreachable(e), e);
        }
        catch (HttpRequestException e)
        {
            throw new DockerException(
                $"Docker {method} {path}{query} failed: {e.Message} The daemon closed the connection or answered something that is not HTTP; "
                + "check its log.",
                null,
                null,
                e);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.RequestCompleted(logger, method.Method, path, (int)response.StatusCode, elapsed);
        // 304 is the daemon's "already so": starting a running container, stopping a stopped one.
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, Describe(method, path, query), cancellationToken).ConfigureAwait(false);
        }
    }

    private string ExplainUnreachable(HttpRequestException exception)
    {
        var socket = exception.InnerException as SocketException ?? exception.InnerException?.InnerException as SocketException;
        if (Options.Endpoint.SocketPath is { } path && !File.Exists(path))
        {
            return $"the socket {path} does not exist";
        }

        return socket?.SocketErrorCode switch
        {
            SocketError.AccessDenied =>
                "permission denied on the socket (add your user to the docker group: sudo usermod -aG docker $USER, then log in again)",
            SocketError.ConnectionRefused => "connection refused",
            SocketError.TimedOut => $"no answer within {Options.ConnectTimeout.TotalSeconds:0.###} s",
            _ => socket?.Message ?? exception.Message,
        };
    }

    private static async Task<DockerException> ToExceptionAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var daemonMessage = ParseErrorMessage(body);
        var status = response.StatusCode;
        var message = $"Docker {what} failed with {(int)status} {response.ReasonPhrase}: {daemonMessage ?? "(no message)"}";
        return status switch
        {
            HttpStatusCode.NotFound => new DockerNotFoundException(message, daemonMessage),
            HttpStatusCode.Conflict => new DockerConflictException(message, daemonMessage),
            _ => new DockerException(message, status, daemonMessage),
        };
    }

    private static string? ParseErrorMessage(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, DockerJsonContext.Default.ErrorAnswer)?.Message?.Trim() ?? body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorBodyBytes];
            var filled = 0;
            int count;
            while (filled < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += count;
            }

            return Encoding.UTF8.GetString(buffer, 0, filled);
        }
    }
}
