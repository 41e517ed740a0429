namespace Alpy.Capture;

/// <summary>Kept frames written to a pcap in the temporary folder (named after this process), deleted on dispose.</summary>
internal sealed class TemporaryPcap : IDisposable
{
    public TemporaryPcap(IReadOnlyList<Frame> frames)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alpy-capture-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        try
        {
            PcapSlice.Write(Path, frames);
        }
        catch
        {
            File.Delete(Path);
            throw;
        }
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
