using System.Net;
using System.Text;

namespace Alpy.Docker.Tests.Fakes;

/// <summary>
/// Stands in for the daemon: records every request (with its body read) and answers from routes added by the test.
/// Unrouted requests answer 599 so that a test fails loudly instead of hanging.
/// </summary>
internal sealed class FakeDockerHandler : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string PathPrefix, Func<RecordedRequest, HttpResponseMessage> Answer)> routes = [];
    private readonly object gate = new();

    /// <summary>The daemon's announced API version on /_ping (null: no header).</summary>
    public string? DaemonApiVersion { get; init; } = "1.41";

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>The requests after version negotiation, paths without their version prefix.</summary>
    public IEnumerable<RecordedRequest> Versioned => Requests.Where(r => r.VersionedPath != "/_ping");

    public FakeDockerHandler On(HttpMethod method, string pathPrefix, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        routes.Add((method, pathPrefix, answer));
        return this;
    }

    public FakeDockerHandler On(HttpMethod method, string pathPrefix, HttpStatusCode status, string body = "") =>
        On(method, pathPrefix, _ => Answer(status, body));

    public static HttpResponseMessage Answer(HttpStatusCode status, string body = "") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Answer(HttpStatusCode status, Stream body) =>
        new(status) { Content = new StreamContent(body) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            StripVersion(request.RequestUri!.AbsolutePath),
            Uri.UnescapeDataString(request.RequestUri.Query),
            request.RequestUri.Query,
            body,
            request.Content?.Headers.ContentType?.MediaType) { VersionedPath = request.RequestUri.AbsolutePath, Uri = request.RequestUri };
        lock (gate)
        {
            Requests.Add(recorded);
        }

        if (recorded.Path == "/_ping" && routes.All(r => r.PathPrefix != "/_ping"))
        {
            var ping = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("OK") };
            if (DaemonApiVersion is not null)
            {
                ping.Headers.Add("Api-Version", DaemonApiVersion);
            }

            return ping;
        }

        foreach (var (method, prefix, answer) in routes)
        {
            if (method == request.Method && recorded.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return answer(recorded);
            }
        }

        return Answer((HttpStatusCode)599, $"{{\"message\":\"fake daemon: no route for {request.Method} {recorded.Path}\"}}");
    }

    private static string StripVersion(string path) =>
        path.StartsWith("/v1.", StringComparison.Ordinal) ? path[path.IndexOf('/', 1)..] : path;
}

/// <summary>A request as the fake daemon saw it; <see cref="Query"/> is unescaped for easy assertions.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, string Query, string RawQuery, byte[] Body, string? ContentType)
{
    public string? VersionedPath { get; init; }

    public Uri Uri { get; init; } = new("http://unset/");

    public string BodyText => Encoding.UTF8.GetString(Body);
}
