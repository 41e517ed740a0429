using System.Formats.Tar;
using Alpy.Docker.Http;

namespace Alpy.Docker;

public sealed partial class ContainerOperations
{
    /// <summary>Extracts a tar stream into a directory of the container (which need not run); the directory must exist.</summary>
    /// <param name="id">The container.</param>
    /// <param name="directory">The absolute directory in the container to extract into.</param>
    /// <param name="writeTar">Writes the tar into the request body (streamed, never buffered whole).</param>
    /// <param name="timeout">How long the upload may take.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="DockerNotFoundException">The container or the directory does not exist.</exception>
    public Task UploadArchiveAsync(
        string id, string directory, Func<Stream, CancellationToken, Task> writeTar, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeTar);
        if (string.IsNullOrEmpty(directory) || !directory.StartsWith('/'))
        {
            throw new ArgumentException($"The upload directory '{directory}' must be an absolute path in the container.", nameof(directory));
        }

        var path = $"/containers/{PathSegment.Id(id, "container")}/archive";
        var query = new QueryString().Add("path", directory).Add("noOverwriteDirNonDir", true);
        return DockerConnection.WithTimeoutAsync(DockerConnection.Describe(HttpMethod.Put, path, query), timeout, async token =>
        {
            using var content = new StreamingContent(writeTar, "application/x-tar");
            using var response = await connection.SendAsync(HttpMethod.Put, path, query, content, HttpCompletionOption.ResponseContentRead, token)
                .ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>Puts small files into a directory of the container, e.g. inputs of a helper before it starts.</summary>
    public Task UploadFilesAsync(string id, string directory, IReadOnlyList<ArchiveFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            file.Validate();
        }

        return UploadArchiveAsync(id, directory, (stream, token) => WriteTarAsync(stream, files, token), connection.Options.RequestTimeout, cancellationToken);
    }

    private static async Task WriteTarAsync(Stream stream, IReadOnlyList<ArchiveFile> files, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var file in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, file.Name)
                {
                    Mode = file.Mode,
                    DataStream = new MemoryStream(file.Content.ToArray(), writable: false),
                };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
