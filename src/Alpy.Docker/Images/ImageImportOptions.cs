namespace Alpy.Docker;

/// <summary>How to import a root filesystem tar as an image (<c>docker import</c>).</summary>
public sealed record ImageImportOptions
{
    /// <summary>The repository to tag the image with, e.g. <c>alpy-tools</c>; null leaves it untagged.</summary>
    public string? Repository { get; init; }

    /// <summary>The tag (with <see cref="Repository"/>); default <c>latest</c>.</summary>
    public string? Tag { get; init; }

    /// <summary>
    /// Dockerfile instructions applied to the image's configuration, e.g. <c>LABEL alpy.image=tools</c>,
    /// <c>ENV PATH=/bin</c>, <c>CMD ["sh"]</c>. One instruction per entry.
    /// </summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>A commit message stored in the image's history.</summary>
    public string? Message { get; init; }

    /// <summary>How long the upload and import may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Checks the values; the message names the field.</summary>
    /// <exception cref="ArgumentException">A change spans lines, or a tag is given without a repository.</exception>
    public void Validate()
    {
        if (Tag is not null && Repository is null)
        {
            throw new ArgumentException($"Tag '{Tag}' needs a Repository.", nameof(Tag));
        }

        foreach (var change in Changes)
        {
            if (string.IsNullOrWhiteSpace(change) || change.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            {
                throw new ArgumentException($"Image change '{change}' must be one non-empty Dockerfile instruction on one line.", nameof(Changes));
            }
        }
    }
}
