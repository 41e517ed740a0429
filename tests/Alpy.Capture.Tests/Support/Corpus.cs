namespace Alpy.Capture.Tests;

/// <summary>Looks up corpus frames by name, decoded.</summary>
internal static class Corpus
{
    public static Packet Packet(string name)
    {
        CorpusFrame frame = FrameCorpus.All.Single(candidate => candidate.Name == name);
        return Capture.Packet.Decode(LinkType.Ethernet, frame.Bytes, frame.OriginalLength ?? frame.Bytes.Length);
    }
}
