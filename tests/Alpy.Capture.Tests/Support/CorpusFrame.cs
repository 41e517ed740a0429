namespace Alpy.Capture.Tests;

/// <summary>One hand-built frame of the test corpus.</summary>
/// <param name="Name">What it shows.</param>
/// <param name="Bytes">The frame as captured.</param>
/// <param name="OriginalLength">Length on the wire, when the capture cut the frame.</param>
internal sealed record CorpusFrame(string Name, byte[] Bytes, int? OriginalLength = null)
{
    public override string ToString() => Name;
}
