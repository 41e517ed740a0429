using System.Formats.Tar;

namespace Alpy.Lab.Images;

/// <summary>
/// Writes a plan as a root filesystem tar, owned by root with a fixed time, straight into the import request.
/// Program entries take their bytes from the compiled outputs.
/// </summary>
internal static class ImageTarWriter
{
    /// <summary>Every entry gets this time: the content, not the moment of the build, defines an image.</summary>
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const UnixFileMode ProgramMode = (UnixFileMode)0x1ED; // 0755

    public static async Task WriteAsync(Stream stream, ImagePlan plan, IReadOnlyDictionary<string, byte[]> programs, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var entry in plan.Entries)
            {
                var name = entry.Path.TrimStart('/');
                PaxTarEntry tarEntry = entry switch
                {
                    DirectoryEntry directory => new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = directory.Mode },
                    LinkEntry link => new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = link.Target, Mode = (UnixFileMode)0x1FF },
                    FileEntry file => new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = file.Mode, DataStream = new MemoryStream(file.Content.ToArray(), false) },
                    ProgramEntry program => new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = ProgramMode, DataStream = new MemoryStream(programs[program.Path], false) },
                    _ => throw new InvalidOperationException($"Unknown image entry {entry}"),
                };
                tarEntry.ModificationTime = FixedTime;
                await writer.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
