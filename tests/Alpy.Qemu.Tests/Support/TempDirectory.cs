namespace Alpy.Qemu.Tests.Support;

/// <summary>A temp folder named alpy-qemu-test-*, removed with everything in it on disposal.</summary>
public sealed class TempDirectory : IDisposable
{
    private TempDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static TempDirectory Create() => new(Directory.CreateTempSubdirectory("alpy-qemu-test-").FullName);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
