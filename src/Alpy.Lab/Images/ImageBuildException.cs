namespace Alpy.Lab.Images;

/// <summary>
/// An image could not be planned or built. The message names the recipe, the file or step that failed and
/// what to do (usually: which Debian package to install).
/// </summary>
public sealed class ImageBuildException : Exception
{
    public ImageBuildException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
