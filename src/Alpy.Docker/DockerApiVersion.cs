using System.Globalization;

namespace Alpy.Docker;

/// <summary>A Docker Engine API version such as 1.41; requests are sent under its <c>/v1.41/</c> prefix.</summary>
public readonly record struct DockerApiVersion(int Major, int Minor) : IComparable<DockerApiVersion>
{
    /// <summary>The oldest API this client is written against (Docker 19.03).</summary>
    public static DockerApiVersion MinimumSupported { get; } = new(1, 40);

    /// <summary>The newest API whose behaviour this client knows; a newer daemon is spoken to in this version.</summary>
    public static DockerApiVersion MaximumSupported { get; } = new(1, 45);

    /// <summary>Parses <c>MAJOR.MINOR</c>.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static DockerApiVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a Docker API version (expected MAJOR.MINOR such as 1.41).");
    }

    /// <summary>Parses <c>MAJOR.MINOR</c>; false when the text is not of that form.</summary>
    public static bool TryParse(string? text, out DockerApiVersion version)
    {
        version = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new DockerApiVersion(major, minor);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(DockerApiVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DockerApiVersion left, DockerApiVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
