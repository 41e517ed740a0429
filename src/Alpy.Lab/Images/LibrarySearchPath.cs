namespace Alpy.Lab.Images;

/// <summary>
/// Where the host's dynamic loader looks for libraries that an object's own run path does not provide: the
/// directories of <c>/etc/ld.so.conf</c> (with its includes), then the loader's built-in directories.
/// </summary>
public sealed record LibrarySearchPath(IReadOnlyList<string> Directories)
{
    /// <summary>The built-in directories of Debian's glibc on x86-64 and aarch64, multiarch first.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    /// <summary>The search path of this host.</summary>
    public static LibrarySearchPath FromHost(string configuration = "/etc/ld.so.conf")
    {
        var directories = new List<string>();
        ReadConfiguration(configuration, directories, depth: 0);
        foreach (var directory in BuiltIn)
        {
            if (!directories.Contains(directory))
            {
                directories.Add(directory);
            }
        }

        return new LibrarySearchPath(directories);
    }

    private static void ReadConfiguration(string file, List<string> directories, int depth)
    {
        // Includes may nest; a loop of them must not recurse forever.
        if (depth > 8 || !File.Exists(file))
        {
            return;
        }

        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("include ", StringComparison.Ordinal))
            {
                foreach (var included in Expand(line["include ".Length..].Trim(), Path.GetDirectoryName(file) ?? "/"))
                {
                    ReadConfiguration(included, directories, depth + 1);
                }
            }
            else if (line.StartsWith('/') && !directories.Contains(line))
            {
                directories.Add(line.TrimEnd('/'));
            }
        }
    }

    /// <summary>Expands an include pattern such as <c>/etc/ld.so.conf.d/*.conf</c> (a wildcard in the file name only), sorted as glob sorts.</summary>
    private static IEnumerable<string> Expand(string pattern, string relativeTo)
    {
        var full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(relativeTo, pattern);
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        return Directory.GetFiles(directory, Path.GetFileName(full)).Order(StringComparer.Ordinal);
    }
}
