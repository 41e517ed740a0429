using System.Globalization;
using Alpy.Lab.Runs;

namespace Alpy.Lab.Artifacts;

/// <summary>
/// The run's artifact folder, <c>ARTIFACTS/RUNID/</c>: what a reader needs after the run (console
/// logs, QEMU stderr, one pcap per link, container logs, lab.json). Artifacts are kept; they are
/// not trash.
/// </summary>
public sealed class RunFolder
{
    internal RunFolder(string artifactsDirectory, RunId run)
    {
        Path = System.IO.Path.Combine(artifactsDirectory, run.Value);
        try
        {
            Directory.CreateDirectory(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabException($"Cannot create the run folder '{Path}': {e.Message}. Make it writable or set LabOptions.ArtifactsDirectory / $ALPY_ARTIFACTS.", e);
        }
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The pcap QEMU's filter-dump writes for link <paramref name="index"/>.</summary>
    public string LinkPcap(int index) => System.IO.Path.Combine(Path, string.Create(CultureInfo.InvariantCulture, $"link{index}.pcap"));

    /// <summary>Where app and node container logs go, one file per container.</summary>
    public string Containers => System.IO.Path.Combine(Path, "containers");

    /// <summary>The run's record: timings of bring-up phases, resets and teardown.</summary>
    public string LabJson => System.IO.Path.Combine(Path, "lab.json");
}
