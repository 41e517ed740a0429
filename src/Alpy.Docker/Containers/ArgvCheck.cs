namespace Alpy.Docker;

/// <summary>Guards for argv arrays, environments and labels: the kernel and the daemon cannot carry NUL or '=' in a name.</summary>
internal static class ArgvCheck
{
    public static void Arguments(IReadOnlyList<string>? argv, string field)
    {
        if (argv is null)
        {
            return;
        }

        for (var i = 0; i < argv.Count; i++)
        {
            if (argv[i] is null || argv[i].Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{field}[{i}] is null or contains a NUL character; an argv element cannot carry it.", field);
            }
        }
    }

    public static void Environment(IReadOnlyDictionary<string, string>? environment, string field)
    {
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{field}: '{name}' is not a valid variable name (empty, or contains '=' or NUL).", field);
            }

            if (value is null || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{field}: the value of '{name}' is null or contains a NUL character.", field);
            }
        }
    }

    public static void Labels(IReadOnlyDictionary<string, string>? labels, string field)
    {
        foreach (var (name, value) in labels ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('=', StringComparison.Ordinal) || value is null)
            {
                throw new ArgumentException($"{field}: label '{name}' has an empty name, a '=' in its name, or a null value.", field);
            }
        }
    }
}
