namespace Alpy.Lab.Images;

/// <summary>
/// Finds, as the dynamic loader would, every shared library an ELF file needs, transitively, and its loader.
/// Reads files only; runs nothing.
/// </summary>
public sealed class SharedLibraryResolver
{
    private readonly LibrarySearchPath searchPath;
    private readonly Func<string, byte[]> readFile;

    public SharedLibraryResolver(LibrarySearchPath searchPath)
        : this(searchPath, File.ReadAllBytes)
    {
    }

    internal SharedLibraryResolver(LibrarySearchPath searchPath, Func<string, byte[]> readFile)
    {
        this.searchPath = searchPath;
        this.readFile = readFile;
    }

    /// <summary>
    /// The loader and the libraries <paramref name="elfPath"/> needs, each as the path where the loader finds it
    /// (a library keeps that path in the image, so that the loader finds it there too).
    /// </summary>
    /// <param name="elfPath">The executable or library on the host.</param>
    /// <param name="elf">Its parsed dynamic section.</param>
    /// <param name="debianPackage">The package that provides it, for the error when a library is missing.</param>
    /// <exception cref="ImageBuildException">A needed library is not on the host.</exception>
    public IReadOnlyList<string> Resolve(string elfPath, ElfFile elf, string debianPackage)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resolvedSonames = new HashSet<string>(StringComparer.Ordinal);
        if (elf.Interpreter is { } interpreter)
        {
            if (!File.Exists(interpreter))
            {
                throw new ImageBuildException(
                    $"{elfPath} needs the dynamic loader {interpreter}, which is missing on this host. Reinstall libc6 (apt-get install --reinstall libc6).");
            }

            seen.Add(interpreter);
            found.Add(interpreter);

            // The loader answers to its own soname: libc's DT_NEEDED on ld-linux-x86-64.so.2 is the loader already loaded.
            resolvedSonames.Add(Path.GetFileName(interpreter));
        }

        var pending = new Queue<(string Path, ElfFile Elf)>();
        pending.Enqueue((elfPath, elf));
        while (pending.TryDequeue(out var current))
        {
            foreach (var soname in current.Elf.Needed)
            {
                if (!resolvedSonames.Add(soname))
                {
                    continue;
                }

                var library = Find(soname, current.Path, current.Elf)
                    ?? throw new ImageBuildException(
                        $"{current.Path} needs the library {soname}, which is not in {string.Join(", ", searchPath.Directories)}. "
                        + $"Reinstall the package that provides {elfPath} (apt-get install --reinstall {debianPackage}), "
                        + $"or find the missing one with: apt-file search {soname}");
                if (seen.Add(library))
                {
                    found.Add(library);
                    pending.Enqueue((library, ElfFile.Parse(readFile(library), library)));
                }
            }
        }

        return found;
    }

    private string? Find(string soname, string requester, ElfFile elf)
    {
        if (soname.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(soname) ? soname : null;
        }

        var origin = Path.GetDirectoryName(requester) ?? "/";
        var ownPath = elf.RunPath.Select(directory => directory.Replace("$ORIGIN", origin, StringComparison.Ordinal).Replace("${ORIGIN}", origin, StringComparison.Ordinal));
        return ownPath.Concat(searchPath.Directories)
            .Select(directory => Path.Combine(directory, soname))
            .FirstOrDefault(File.Exists);
    }
}
