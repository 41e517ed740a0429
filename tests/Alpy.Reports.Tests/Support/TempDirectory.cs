namespace Alpy.Reports.Tests.Support;

/// <summary>A temporary folder named for these tests (alpy-reports-test-*), removed on dispose even when the test failed.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <param name="root">Where to make it; the temp folder by default.</param>
    public TempDirectory(string? root = null)
    {
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), $"alpy-reports-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
