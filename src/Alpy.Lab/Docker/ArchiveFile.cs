using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Alpy.Lab.Docker;

/// <summary>A small file put into a container before it starts: a script, an <c>ip -batch</c> file.</summary>
/// <param name="Name">The path relative to the container's root, with '/' separators and no '..'.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Mode">Unix permissions (default rw-r--r--).</param>
internal sealed record ArchiveFile(string Name, ReadOnlyMemory<byte> Content, UnixFileMode Mode = ArchiveFile.DefaultMode)
{
    public const UnixFileMode DefaultMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>A text file, encoded as UTF-8.</summary>
    public static ArchiveFile FromText(string name, string text, UnixFileMode mode = DefaultMode) => new(name, System.Text.Encoding.UTF8.GetBytes(text), mode);

    /// <summary>Puts <paramref name="files"/> into container <paramref name="id"/> (created or running), as one tar extracted at its root.</summary>
    public static async Task UploadAsync(IDockerClient docker, string id, IReadOnlyList<ArchiveFile> files, CancellationToken cancellationToken)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in files)
            {
                file.Validate();
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, file.Name)
                {
                    Mode = file.Mode,
                    DataStream = new MemoryStream(file.Content.ToArray(), writable: false),
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        tar.Position = 0;
        await docker.CallAsync(token => docker.Containers.ExtractArchiveToContainerAsync(id, new CopyToContainerParameters { Path = "/" }, tar, token),
            cancellationToken).ConfigureAwait(false);
    }

    private void Validate()
    {
        if (string.IsNullOrEmpty(Name) || Name.StartsWith('/') || Name.Contains('\0', StringComparison.Ordinal)
            || Name.Split('/').Any(part => part is "" or "." or ".."))
            throw new ArgumentException($"Archive file name '{Name}' must be a relative path without empty, '.' or '..' parts.", nameof(Name));
    }
}
