namespace Alpy.Docker.Http;

/// <summary>Escapes names and ids for use in a request path, refusing empty ones with a clear message.</summary>
internal static class PathSegment
{
    /// <summary>A container, exec or other id/name: one escaped segment.</summary>
    public static string Id(string value, string what)
    {
        Check(value, what);
        return Uri.EscapeDataString(value);
    }

    /// <summary>An image reference: slashes and colons stay (the daemon routes <c>/images/{name:.*}</c>), the rest is escaped.</summary>
    public static string ImageReference(string value)
    {
        Check(value, "image");
        return string.Join('/', value.Split('/').Select(part => Uri.EscapeDataString(part).Replace("%3A", ":", StringComparison.Ordinal)));
    }

    private static void Check(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        if (string.IsNullOrWhiteSpace(value) || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} name or id is empty or contains a NUL character: '{value}'.", what);
        }
    }
}
