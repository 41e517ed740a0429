namespace Alpy.Capture.Tests.Live;

/// <summary>A capture cut into consecutive segments, one per scenario: every frame in exactly one.</summary>
public sealed class CaptureSegmentsTests
{
    private static readonly byte[] Ping = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo request").Bytes;
    private static readonly byte[] Syn = FrameCorpus.All.Single(frame => frame.Name == "TCP SYN").Bytes;
    private static readonly byte[] Arp = FrameCorpus.All.Single(frame => frame.Name == "ARP request").Bytes;

    [Fact]
    public void Given_a_segment_that_ended_When_more_frames_arrive_Then_it_keeps_its_frames_and_the_next_segment_has_the_new_ones()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link1.pcap")).Append(Arp);
        var segments = new CaptureSegments(new CaptureFile(writer.Path));
        CaptureSegment first = segments.Begin();
        writer.Append(Ping, Ping);
        CaptureMark end = first.End();

        // When
        writer.Append(Syn);
        CaptureSegment second = segments.Begin();
        writer.Append(Syn);

        // Then
        first.Read().Select(frame => frame.Number).Should().Equal(2, 3);
        first.Read().End.Should().BeSameAs(end);
        first.End().Should().BeSameAs(end, "a segment ends once");
        second.Start.Should().BeSameAs(end);
        second.Read().Select(frame => frame.Number).Should().Equal(4, 5);
        first.HasEnded.Should().BeTrue();
        second.HasEnded.Should().BeFalse();
    }

    [Fact]
    public void Given_a_segment_that_was_not_ended_When_the_next_begins_Then_it_ends_there()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link1.pcap"));
        var segments = new CaptureSegments(new CaptureFile(writer.Path));
        CaptureSegment first = segments.Begin();
        writer.Append(Ping);

        CaptureSegment second = segments.Begin();
        writer.Append(Syn);

        first.HasEnded.Should().BeTrue();
        first.Read().Should().ContainSingle().Which.Number.Should().Be(1);
        second.Read().Should().ContainSingle().Which.Number.Should().Be(2);
    }

    [Fact]
    public void Given_a_segment_too_big_to_load_When_it_ends_Then_the_next_segment_begins_after_it_and_only_reading_it_fails()
    {
        // Given: a scenario whose traffic is more than a window may hold (a throughput test of a DUT without its rate limit)
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link1.pcap"));
        var segments = new CaptureSegments(new CaptureFile(writer.Path, new CaptureFileOptions { MaxWindowBytes = 4096 }));
        CaptureSegment big = segments.Begin();
        for (int i = 0; i < 100; i++)
        {
            writer.Append(Syn);
        }

        // When
        CaptureSegment next = segments.Begin();
        writer.Append(Ping);

        // Then
        next.Read().Should().ContainSingle().Which.Number.Should().Be(101);
        big.Invoking(segment => segment.Read()).Should().Throw<CaptureException>().WithMessage("*more than 4096 bytes*");
    }
}
