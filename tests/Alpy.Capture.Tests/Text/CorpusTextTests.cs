namespace Alpy.Capture.Tests.Text;

/// <summary>The text summaries against tcpdump's own, for every hand-built frame, with and without the link level.</summary>
public sealed class CorpusTextTests
{
    public static TheoryData<string> Flags => new() { "", "-e" };

    [Theory]
    [MemberData(nameof(Flags))]
    public async Task Given_the_frame_corpus_When_each_frame_is_printed_Then_the_line_is_the_one_tcpdump_prints(string flag)
    {
        // Given
        var cancellationToken = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        string file = CorpusFile.Write(directory.File("corpus.pcap"));
        IReadOnlyList<string> expected = await Tcpdump.ReadLinesAsync(file, flag.Length == 0 ? [] : [flag], cancellationToken: cancellationToken);

        // When
        var formatter = new TcpdumpFormatter(new TcpdumpFormatOptions { LinkLevel = flag == "-e" });
        List<string> actual = CaptureWindow.Load(file).Select(formatter.Format).ToList();

        // Then
        expected.Should().HaveCount(FrameCorpus.All.Count, "tcpdump prints one line per frame");
        var differences = FrameCorpus.All
            .Select((frame, i) => (frame, expected: expected[i], actual: actual[i]))
            .Where(x => x.frame.SameTextAsTcpdump && x.expected != x.actual)
            .Select(x => $"{x.frame.Name}:\n  tcpdump: {x.expected}\n  library: {x.actual}")
            .ToList();
        differences.Should().BeEmpty();
    }
}
