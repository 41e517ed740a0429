namespace Alpy.Qemu;

/// <summary>Finds programs the way a shell would, without a shell.</summary>
internal static class Executable
{
    /// <summary>The full path of <paramref name="nameOrPath"/>: itself when it contains a '/', else the first
    /// match on PATH; null when missing.</summary>
    public static string? Find(string nameOrPath)
    {
        if (nameOrPath.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, nameOrPath))
            .FirstOrDefault(File.Exists);
    }
}
