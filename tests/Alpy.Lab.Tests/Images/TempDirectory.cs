namespace Alpy.Lab.Tests.Images;

/// <summary>A private temporary directory (prefix alpy-test-images-) removed when the test ends, also when it fails.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("alpy-test-images-").FullName;

    public string Path { get; }

    public string File(string relative, byte[] content, UnixFileMode? mode = null)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        if (mode is { } m && !OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, m);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
