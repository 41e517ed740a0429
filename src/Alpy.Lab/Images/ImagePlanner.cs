using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Alpy.Lab.Images;

/// <summary>Resolves a recipe against the host: reads and hashes every file, adds the shared libraries, computes the input hash.</summary>
public sealed class ImagePlanner
{
    /// <summary>Bumped when the way images are laid out changes, so that old images are not reused.</summary>
    private const string FormatVersion = "alpy-image 1";

    /// <summary>Host files keep their permission bits only: a lab image never carries set-uid programs.</summary>
    private const UnixFileMode PermissionBits = (UnixFileMode)0x1FF;

    private readonly LibrarySearchPath searchPath;
    private readonly string dpkgInfo;

    /// <param name="searchPath">Where libraries are looked for.</param>
    /// <param name="dpkgInfo">Where dpkg keeps the file lists of installed packages.</param>
    public ImagePlanner(LibrarySearchPath searchPath, string dpkgInfo = "/var/lib/dpkg/info")
    {
        this.searchPath = searchPath;
        this.dpkgInfo = dpkgInfo;
    }

    /// <summary>A planner using this host's library search path.</summary>
    public static ImagePlanner ForHost() => new(LibrarySearchPath.FromHost());

    /// <summary>Plans an image.</summary>
    /// <exception cref="ArgumentException">The recipe is invalid.</exception>
    /// <exception cref="ImageBuildException">A host file or library is missing (the message names the Debian package).</exception>
    public ImagePlan Plan(ImageRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.Validate();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[] Read(string path) => files.TryGetValue(path, out var bytes) ? bytes : files[path] = File.ReadAllBytes(path);
        var resolver = new SharedLibraryResolver(searchPath, Read);

        var entries = new SortedDictionary<string, ImageEntry>(StringComparer.Ordinal);
        void Add(ImageEntry entry)
        {
            if (entries.TryGetValue(entry.Path, out var existing) && existing.Manifest != entry.Manifest)
            {
                throw new ImageBuildException(
                    $"Image '{recipe.Name}': {entry.Path} would be both {Describe(existing)} and {Describe(entry)}. Give one of them another image path.");
            }

            entries[entry.Path] = entry;
        }

        void AddHostFile(HostFile file)
        {
            var content = ReadHostFile(recipe, file, Read);
            Add(HostFileEntry(file.TargetPath, file.HostPath, content, $"{file.HostPath} ({file.DebianPackage})"));
            var elf = ElfFile.Parse(content, file.HostPath);
            foreach (var library in resolver.Resolve(file.HostPath, elf, file.DebianPackage))
            {
                Add(HostFileEntry(library, library, Read(library), $"{library} (needed by {file.HostPath})"));
            }
        }

        foreach (var file in recipe.Files)
        {
            AddHostFile(file);
        }

        foreach (var package in recipe.Packages)
        {
            foreach (var path in PackageFiles(recipe, package))
            {
                // Directories (also /bin when it is a link to usr/bin) come from the paths of their files.
                if (Directory.Exists(path))
                {
                    continue;
                }

                if (new FileInfo(path).LinkTarget is { } target)
                {
                    Add(new LinkEntry(path, target));
                }
                else
                {
                    AddHostFile(new HostFile(path, package.Name));
                }
            }
        }

        foreach (var generated in recipe.GeneratedFiles)
        {
            Add(new FileEntry(generated.Path, generated.Mode, generated.Content, Sha256(generated.Content.Span), "generated"));
        }

        foreach (var program in recipe.Programs)
        {
            Add(new ProgramEntry(program.ImagePath, program, Sha256(Encoding.UTF8.GetBytes(program.Source))));
        }

        foreach (var link in recipe.Links)
        {
            Add(new LinkEntry(link.Path, link.Target));
        }

        foreach (var directory in recipe.Directories)
        {
            Add(new DirectoryEntry(directory.Path, directory.Mode));
        }

        foreach (var parent in entries.Keys.SelectMany(Parents).Distinct().ToArray())
        {
            entries.TryAdd(parent, new DirectoryEntry(parent, ImageDirectory.DefaultMode));
        }

        var ordered = entries.Values.ToArray();
        return new ImagePlan(recipe, Hash(recipe, ordered), ordered);
    }

    private static byte[] ReadHostFile(ImageRecipe recipe, HostFile file, Func<string, byte[]> read)
    {
        try
        {
            return read(file.HostPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageBuildException(
                $"Image '{recipe.Name}' needs {file.HostPath}, which is missing on this host. Install the Debian package {file.DebianPackage} "
                + $"(apt-get install {file.DebianPackage}, or run scripts/install-prerequisites).",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageBuildException($"Image '{recipe.Name}' cannot read {file.HostPath}: {e.Message}", e);
        }
    }

    private IEnumerable<string> PackageFiles(ImageRecipe recipe, HostPackage package)
    {
        // Multi-arch packages list their files under NAME:ARCH.list.
        var list = new[] { package.Name + ".list" }
            .Concat(Directory.Exists(dpkgInfo) ? Directory.GetFiles(dpkgInfo, package.Name + ":*.list").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal) : [])
            .Select(name => Path.Combine(dpkgInfo, name))
            .FirstOrDefault(File.Exists)
            ?? throw new ImageBuildException(
                $"Image '{recipe.Name}' needs the Debian package {package.Name}, which is not installed on this host. "
                + $"Install it: apt-get install {package.Name} (and add it to scripts/install-prerequisites).");
        return File.ReadLines(list).Where(path => path.StartsWith('/') && path != "/." && package.Includes(path));
    }

    private static FileEntry HostFileEntry(string imagePath, string hostPath, byte[] content, string origin)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Lab images are made of a Linux host's files.");
        }

        return new(imagePath, File.GetUnixFileMode(hostPath) & PermissionBits, content, Sha256(content), origin);
    }

    private static IEnumerable<string> Parents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }

    private static string Hash(ImageRecipe recipe, IEnumerable<ImageEntry> entries)
    {
        var manifest = new StringBuilder().Append(FormatVersion).Append('\n').Append("name ").Append(recipe.Name).Append('\n');
        foreach (var entry in entries)
        {
            manifest.Append(entry.Manifest).Append('\n');
        }

        foreach (var (name, value) in recipe.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            manifest.Append("env ").Append(name).Append('=').Append(value).Append('\n');
        }

        foreach (var (name, value) in recipe.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            manifest.Append("label ").Append(name).Append('=').Append(value).Append('\n');
        }

        manifest.Append("cmd ").Append(JsonSerializer.Serialize(recipe.Cmd, ImageJsonContext.Default.IReadOnlyListString)).Append('\n');
        return Sha256(Encoding.UTF8.GetBytes(manifest.ToString()));
    }

    private static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string Describe(ImageEntry entry) => entry switch
    {
        FileEntry file => file.Origin,
        LinkEntry link => $"a link to {link.Target}",
        ProgramEntry => "a compiled program",
        _ => "a directory",
    };
}
