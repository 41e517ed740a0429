using System.Globalization;

namespace Alpy.Lab.Images;

/// <summary>One path in a planned image. <see cref="Manifest"/> is the line the input hash covers.</summary>
public abstract record ImageEntry(string Path)
{
    /// <summary>What this entry contributes to the input hash: path, kind, mode and content hash.</summary>
    public abstract string Manifest { get; }

    protected static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}

/// <summary>A directory.</summary>
public sealed record DirectoryEntry(string Path, UnixFileMode Mode) : ImageEntry(Path)
{
    public override string Manifest => $"dir {Path} {Octal(Mode)}";
}

/// <summary>A regular file whose content is known when planning (a host file, library or generated file).</summary>
/// <param name="Path">Where it goes in the image.</param>
/// <param name="Mode">Its permissions.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="Sha256">The hex SHA-256 of its bytes.</param>
/// <param name="Origin">Where it comes from, for logs, e.g. <c>/usr/bin/socat (socat)</c>.</param>
public sealed record FileEntry(string Path, UnixFileMode Mode, ReadOnlyMemory<byte> Content, string Sha256, string Origin) : ImageEntry(Path)
{
    public override string Manifest => $"file {Path} {Octal(Mode)} {Sha256}";
}

/// <summary>A symbolic link.</summary>
public sealed record LinkEntry(string Path, string Target) : ImageEntry(Path)
{
    public override string Manifest => $"link {Path} {Target}";
}

/// <summary>A static C program compiled when the image is built; hashed by its source and compiler arguments.</summary>
public sealed record ProgramEntry(string Path, CProgram Program, string SourceSha256) : ImageEntry(Path)
{
    public override string Manifest =>
        string.Create(CultureInfo.InvariantCulture, $"program {Path} 0755 {SourceSha256} gcc -static {string.Join(' ', Program.CompilerArguments)}");
}
