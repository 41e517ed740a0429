namespace Alpy.Capture.Tests;

/// <summary>A directory of its own for one test (alpy-capture-test-*), removed with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public const string Prefix = "alpy-capture-test-";

    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory(Prefix).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
