namespace Alpy.Capture.Tests.Text;

/// <summary>The tcpdump options the formatter mirrors (-t styles, -S, -#, time zone), each against tcpdump on the corpus.</summary>
public sealed class FormatOptionsTests
{
    public static TheoryData<string, TimestampStyle> Styles => new()
    {
        { "-t", TimestampStyle.None },
        { "-tt", TimestampStyle.Epoch },
        { "-ttt", TimestampStyle.DeltaFromPrevious },
        { "-tttt", TimestampStyle.DateAndTime },
        { "-ttttt", TimestampStyle.DeltaFromFirst },
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task Given_a_timestamp_style_When_the_corpus_is_printed_Then_the_lines_are_those_of_tcpdump_with_the_same_flag(string flag, TimestampStyle style)
    {
        await AssertSameAsTcpdumpAsync([flag], new TcpdumpFormatOptions { Timestamps = style });
    }

    [Fact]
    public async Task Given_absolute_sequence_numbers_When_printed_Then_the_lines_are_those_of_tcpdump_S()
    {
        await AssertSameAsTcpdumpAsync(["-S"], new TcpdumpFormatOptions { AbsoluteSequenceNumbers = true });
    }

    [Fact]
    public async Task Given_numbers_and_link_level_When_printed_Then_the_lines_are_those_of_tcpdump_number_e()
    {
        await AssertSameAsTcpdumpAsync(["-#", "-e"], new TcpdumpFormatOptions { Numbers = true, LinkLevel = true });
    }

    [Fact]
    public async Task Given_a_time_zone_When_printed_Then_times_are_those_tcpdump_prints_in_that_zone()
    {
        await AssertSameAsTcpdumpAsync(["-tttt"], new TcpdumpFormatOptions { Timestamps = TimestampStyle.DateAndTime, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata") }, "Asia/Kolkata");
    }

    [Fact]
    public void Given_a_frame_on_its_own_When_turned_into_a_string_Then_it_is_its_tcpdump_line_with_absolute_numbers()
    {
        using var directory = new TempDirectory();
        CaptureWindow window = CaptureWindow.Load(CorpusFile.Write(directory.File("corpus.pcap")));

        int index = FrameCorpus.All.ToList().FindIndex(frame => frame.Name == "TCP data");

        window[index].ToString()
            .Should().Be($"03:04:05.{index:000}123 IP 10.77.0.1.40000 > 10.77.0.2.8888: Flags [P.], seq 3000000001:3000000007, ack 501, win 502, length 6");
    }

    [Fact]
    public void Given_many_frames_When_an_excerpt_is_asked_Then_the_first_and_last_lines_are_kept_with_the_count_of_the_others()
    {
        using var directory = new TempDirectory();
        CaptureWindow window = CaptureWindow.Load(CorpusFile.Write(directory.File("corpus.pcap")));

        string[] lines = window.Excerpt(6, indent: "  ").Split('\n');

        lines.Should().HaveCount(7);
        lines[0].Should().StartWith("      1  03:04:05.000123 ARP, Request who-has 10.77.0.2 tell 10.77.0.1");
        lines[3].Should().Be($"  ... {window.Count - 6} more frame(s) ...");
        lines[^1].Should().StartWith($"  {window.Count,5}  ");
    }

    [Fact]
    public void Given_impossible_options_When_a_formatter_is_made_Then_the_option_is_named()
    {
        FluentActions.Invoking(() => new TcpdumpFormatter(new TcpdumpFormatOptions { TimeZone = null! }))
            .Should().Throw<ArgumentException>().WithMessage("TcpdumpFormatOptions.TimeZone is null*");
        FluentActions.Invoking(() => new TcpdumpFormatter(new TcpdumpFormatOptions { Timestamps = (TimestampStyle)42 }))
            .Should().Throw<ArgumentException>().WithMessage("TcpdumpFormatOptions.Timestamps is 42*");
    }

    private static async Task AssertSameAsTcpdumpAsync(string[] flags, TcpdumpFormatOptions options, string zone = "UTC")
    {
        // Given
        using var directory = new TempDirectory();
        string file = CorpusFile.Write(directory.File("corpus.pcap"));
        ProcessResult tcpdump = await ProcessRunner.RunAsync(
            ["tcpdump", "-n", "-r", file, .. flags], TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["TZ"] = zone }, cancellationToken: TestContext.Current.CancellationToken);
        IReadOnlyList<string> expected = Tcpdump.Lines(tcpdump.EnsureSuccess().StandardOutput);

        // When
        var formatter = new TcpdumpFormatter(options);
        List<string> actual = CaptureWindow.Load(file).Select(formatter.Format).ToList();

        // Then
        var different = FrameCorpus.All.Select(frame => !frame.SameTextAsTcpdump).ToList();
        actual.Where((_, i) => !different[i]).Should().Equal(expected.Where((_, i) => !different[i]));
    }
}
