using System.Text.Json;
using Alpy.Docker.Http;
using Alpy.Docker.Json;
using Microsoft.Extensions.Logging;

namespace Alpy.Docker;

/// <summary>The image endpoints the lab needs: images are built locally by import, never pulled.</summary>
public sealed class ImageOperations
{
    private readonly DockerConnection connection;
    private readonly ILogger logger;

    internal ImageOperations(DockerConnection connection, ILogger logger)
    {
        this.connection = connection;
        this.logger = logger;
    }

    /// <summary>Imports a root filesystem tar, written by <paramref name="writeTar"/> straight into the request, as an image.</summary>
    /// <returns>The new image's id, <c>sha256:...</c>.</returns>
    /// <exception cref="DockerException">The daemon rejected the tar or a change; its message says why.</exception>
    public Task<string> ImportAsync(Func<Stream, CancellationToken, Task> writeTar, ImageImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeTar);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var query = new QueryString().Add("fromSrc", "-").Add("repo", options.Repository).Add("tag", options.Tag).Add("message", options.Message);
        foreach (var change in options.Changes)
        {
            query.Add("changes", change);
        }

        var what = $"image import of {options.Repository ?? "(untagged)"}:{options.Tag ?? "latest"}";
        return DockerConnection.WithTimeoutAsync(what, options.Timeout, async token =>
        {
            using var content = new StreamingContent(writeTar, "application/x-tar");
            using var response = await connection.SendAsync(HttpMethod.Post, "/images/create", query, content, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            var id = await ReadImportedIdAsync(response, what, token).ConfigureAwait(false);
            Log.ImageImported(logger, options.Repository is null ? "(untagged)" : $"{options.Repository}:{options.Tag ?? "latest"}", id);
            return id;
        }, cancellationToken);
    }

    /// <summary>Imports a root filesystem tar read from <paramref name="tar"/>.</summary>
    public Task<string> ImportAsync(Stream tar, ImageImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tar);
        return ImportAsync((body, token) => tar.CopyToAsync(body, token), options, cancellationToken);
    }

    /// <summary>Describes an image.</summary>
    /// <exception cref="DockerNotFoundException">There is no such image.</exception>
    public Task<ImageInspection> InspectAsync(string image, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            HttpMethod.Get, $"/images/{PathSegment.ImageReference(image)}/json", null, null, DockerJsonContext.Default.ImageInspection, cancellationToken);

    /// <summary>Describes an image, or returns null when there is none of that reference or id.</summary>
    public async Task<ImageInspection?> TryInspectAsync(string image, CancellationToken cancellationToken = default)
    {
        try
        {
            return await InspectAsync(image, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Lists images matching every given filter.</summary>
    public Task<IReadOnlyList<ImageSummary>> ListAsync(ImageListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImageListOptions();
        var query = new QueryString().Add("filters", Filters.ToQueryValue(
            ("label", options.Labels),
            ("reference", options.References),
            ("dangling", options.Dangling is { } dangling ? [dangling ? "true" : "false"] : [])));
        return connection.SendAsync(HttpMethod.Get, "/images/json", query, null, DockerJsonContext.Default.IReadOnlyListImageSummary, cancellationToken);
    }

    /// <summary>Tags an image as <paramref name="repository"/>:<paramref name="tag"/>; moving an existing tag is allowed.</summary>
    public Task TagAsync(string image, string repository, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return connection.SendAsync(
            HttpMethod.Post,
            $"/images/{PathSegment.ImageReference(image)}/tag",
            new QueryString().Add("repo", repository).Add("tag", tag),
            null,
            cancellationToken);
    }

    /// <summary>Removes an image (or one of its tags, when it has several).</summary>
    /// <exception cref="DockerConflictException">A container uses it (and <paramref name="force"/> is off).</exception>
    public Task<IReadOnlyList<ImageDeleteItem>> RemoveAsync(string image, bool force = false, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            HttpMethod.Delete,
            $"/images/{PathSegment.ImageReference(image)}",
            new QueryString().Add("force", force),
            null,
            DockerJsonContext.Default.IReadOnlyListImageDeleteItem,
            cancellationToken);

    private static async Task<string> ReadImportedIdAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            string? id = null;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                ProgressMessage? message;
                try
                {
                    message = JsonSerializer.Deserialize(line, DockerJsonContext.Default.ProgressMessage);
                }
                catch (JsonException e)
                {
                    throw new DockerException($"Docker {what} answered a progress line this client cannot read: '{line}'.", response.StatusCode, null, e);
                }

                if ((message?.ErrorDetail?.Message ?? message?.Error) is { } error)
                {
                    throw new DockerException($"Docker {what} failed: {error}", response.StatusCode, error);
                }

                if (message?.Status is { } status && status.StartsWith("sha256:", StringComparison.Ordinal))
                {
                    id = status;
                }
            }

            return id ?? throw new DockerException($"Docker {what} ended without naming the new image.");
        }
    }
}
