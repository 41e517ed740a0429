using System.Text.RegularExpressions;

namespace Alpy.Lab.Images;

/// <summary>
/// What an image is made of, built locally without a registry: files of the host (with their shared libraries),
/// symbolic links, directories, generated files and small static C programs, plus the run configuration.
/// The image is tagged <c>alpy-NAME:HASH</c>, the hash covering every input, so it is rebuilt only when one changes.
/// </summary>
public sealed partial record ImageRecipe
{
    /// <summary>The image's name, lower-case letters, digits and dashes; the repository is <c>alpy-NAME</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Host files to copy, executables with the libraries they need.</summary>
    public IReadOnlyList<HostFile> Files { get; init; } = [];

    /// <summary>Installed Debian packages whose files to copy (see <see cref="HostPackage"/>).</summary>
    public IReadOnlyList<HostPackage> Packages { get; init; } = [];

    public IReadOnlyList<ImageLink> Links { get; init; } = [];

    /// <summary>Directories to create beyond the parents of files (which are created rwxr-xr-x).</summary>
    public IReadOnlyList<ImageDirectory> Directories { get; init; } = [];

    public IReadOnlyList<GeneratedFile> GeneratedFiles { get; init; } = [];

    public IReadOnlyList<CProgram> Programs { get; init; } = [];

    /// <summary>The image's environment (<c>ENV</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra labels of the image (<c>LABEL</c>), beside <see cref="ImageLabels"/>; values of [A-Za-z0-9._:/@+-].</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The default command's argv (<c>CMD</c>), or empty for none.</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>The repository the image is tagged in.</summary>
    public string Repository => "alpy-" + Name;

    /// <summary>Links <paramref name="applets"/> in <paramref name="directory"/> to <paramref name="busybox"/>, as busybox's installer does.</summary>
    public static IReadOnlyList<ImageLink> BusyboxApplets(string busybox, string directory, params string[] applets) =>
        applets.Select(applet => new ImageLink($"{directory.TrimEnd('/')}/{applet}", busybox)).ToArray();

    /// <summary>Checks names and paths; the message names the recipe and the entry.</summary>
    /// <exception cref="ArgumentException">A name or path is malformed, or two entries claim one path.</exception>
    public void Validate()
    {
        if (Name is null || !NamePattern().IsMatch(Name))
        {
            throw new ArgumentException($"Image recipe name '{Name}' must be 1-40 of [a-z0-9-], starting with a letter or digit.", nameof(Name));
        }

        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        void Claim(string path, string what)
        {
            CheckPath(path, what);
            if (!claimed.TryAdd(path.TrimEnd('/'), what))
            {
                throw new ArgumentException($"Image recipe '{Name}': {what} and {claimed[path.TrimEnd('/')]} both claim {path}.");
            }
        }

        foreach (var file in Files)
        {
            CheckPath(file.HostPath, $"host file {file.HostPath}");
            Claim(file.TargetPath, $"host file {file.HostPath}");
        }

        foreach (var package in Packages)
        {
            if (string.IsNullOrEmpty(package.Name) || !PackagePattern().IsMatch(package.Name))
            {
                throw new ArgumentException($"Image recipe '{Name}': '{package.Name}' is not a Debian package name.");
            }
        }

        foreach (var link in Links)
        {
            Claim(link.Path, $"link {link.Path}");
            if (string.IsNullOrEmpty(link.Target) || link.Target.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Image recipe '{Name}': link {link.Path} has an empty target.");
            }
        }

        foreach (var directory in Directories)
        {
            Claim(directory.Path, $"directory {directory.Path}");
        }

        foreach (var generated in GeneratedFiles)
        {
            Claim(generated.Path, $"generated file {generated.Path}");
        }

        foreach (var program in Programs)
        {
            Claim(program.ImagePath, $"program {program.ImagePath}");
        }

        foreach (var (name, value) in Labels)
        {
            if (!LabelPattern().IsMatch(name) || !LabelPattern().IsMatch(value) || name.StartsWith(ImageLabels.Image, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Image recipe '{Name}': label '{name}={value}' must use [A-Za-z0-9._:/@+-] and must not be one of the builder's own ({ImageLabels.Image}*).");
            }
        }

        foreach (var (name, value) in Environment)
        {
            if (string.IsNullOrEmpty(name) || name.AsSpan().IndexOfAny("= \n\r\0") >= 0 || value.AsSpan().IndexOfAny("\n\r\0") >= 0)
            {
                throw new ArgumentException($"Image recipe '{Name}': environment variable '{name}' has an invalid name or value.");
            }
        }
    }

    private void CheckPath(string path, string what)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal) || path.Contains('\n', StringComparison.Ordinal)
            || path.Split('/').Skip(1).Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"Image recipe '{Name}': {what} has the path '{path}', which is not an absolute, normalised path.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9._:/@+-]+$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+(:[a-z0-9]+)?$")]
    private static partial Regex PackagePattern();
}
