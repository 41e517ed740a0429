namespace Alpy.Lab.Tests.Support;

/// <summary>Frames of a lab capture selected by a BPF filter, as tcpdump reads them (the reference reader).</summary>
internal static class Pcap
{
    public static async Task<IReadOnlyList<string>> FramesAsync(string path, string filter)
    {
        var result = await HostCommand.RunAsync("tcpdump", ["-n", "-r", path, .. filter.Split(' ')]);
        result.EnsureSuccess($"tcpdump -r {path} {filter}");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
