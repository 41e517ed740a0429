namespace Alpy.Lab.Images;

/// <summary>Labels every lab image carries: images are reused across runs, so they carry no run id.</summary>
public static class ImageLabels
{
    /// <summary>The recipe's name, e.g. <c>tools</c>.</summary>
    public const string Image = "alpy.image";

    /// <summary>The full input hash; the tag is its beginning.</summary>
    public const string Hash = "alpy.image.hash";
}
