namespace Alpy.Lab.Images;

/// <summary>
/// A small C program compiled on the host with <c>gcc -static</c> into the image, e.g. a helper the lab needs and
/// no Debian package provides. Being static, it needs no libraries in the image.
/// </summary>
/// <param name="ImagePath">Where the executable goes in the image.</param>
/// <param name="Source">The C source text (part of the image's input hash).</param>
/// <param name="CompilerArguments">Extra gcc arguments such as <c>-O2</c> or <c>-Wall</c> (also hashed).</param>
public sealed record CProgram(string ImagePath, string Source, IReadOnlyList<string> CompilerArguments)
{
    /// <summary>A program whose source is a file, read now (e.g. a .c file of the repository).</summary>
    /// <exception cref="ImageBuildException">The source file cannot be read.</exception>
    public static CProgram FromFile(string sourcePath, string imagePath, params string[] compilerArguments)
    {
        try
        {
            return new CProgram(imagePath, File.ReadAllText(sourcePath), compilerArguments);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageBuildException($"Cannot read the C source {Path.GetFullPath(sourcePath)} for {imagePath}: {e.Message}", e);
        }
    }
}
