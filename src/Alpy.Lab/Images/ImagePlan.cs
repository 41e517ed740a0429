namespace Alpy.Lab.Images;

/// <summary>
/// A recipe resolved against this host: every directory, file, library, link and program the image will hold,
/// sorted by path, and the hash of all of it that names the image.
/// </summary>
/// <param name="Recipe">The recipe planned.</param>
/// <param name="InputHash">SHA-256 (hex) over every entry's path, mode and content hash, and the run configuration.</param>
/// <param name="Entries">What goes into the image, parents before children.</param>
public sealed record ImagePlan(ImageRecipe Recipe, string InputHash, IReadOnlyList<ImageEntry> Entries)
{
    /// <summary>The image's tag: the first 16 hex digits of <see cref="InputHash"/>.</summary>
    public string Tag => InputHash[..16];

    /// <summary>The image's reference, <c>alpy-NAME:TAG</c>.</summary>
    public string Reference => $"{Recipe.Repository}:{Tag}";
}
