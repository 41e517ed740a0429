using PacketDotNet;

namespace Alpy.Capture.Tests.Live;

/// <summary>Marks and windows on a capture that keeps growing.</summary>
public sealed class CaptureFileTests
{
    private static readonly byte[] Ping = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo request").Bytes;
    private static readonly byte[] Syn = FrameCorpus.All.Single(frame => frame.Name == "TCP SYN").Bytes;
    private static readonly byte[] Arp = FrameCorpus.All.Single(frame => frame.Name == "ARP request").Bytes;

    [Fact]
    public void Given_frames_before_and_after_a_mark_When_the_window_since_the_mark_is_read_Then_it_holds_only_the_later_frames()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link1.pcap")).Append(Arp, Ping);
        var capture = new CaptureFile(writer.Path, new CaptureFileOptions { Name = "link1" });
        CaptureMark mark = capture.Mark();
        writer.Append(Syn, Ping);

        // When
        CaptureWindow window = capture.ReadSince(mark);

        // Then
        mark.FramesBefore.Should().Be(2);
        window.Select(frame => frame.Number).Should().Equal(3, 4);
        window[0].Packet.Extract<TcpPacket>().Synchronize.Should().BeTrue();
        window.Name.Should().Be("link1");
        window.Description.Should().StartWith("link1 (2 frame(s): #3 to #4; after frame #2").And.Contain("link1.pcap");
    }

    [Fact]
    public void Given_a_record_still_being_written_When_read_Then_it_is_left_out_until_it_is_complete()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap")).Append(Ping);
        var capture = new CaptureFile(writer.Path);
        CaptureMark start = capture.Mark();
        byte[] rest = writer.AppendPartial(Syn, 30);

        // When
        CaptureWindow before = capture.ReadSince(start);
        writer.Raw(rest);
        CaptureWindow after = capture.ReadSince(start);

        // Then
        before.Should().BeEmpty();
        after.Should().ContainSingle().Which.Packet.Extract<TcpPacket>().DestinationPort.Should().Be(8888);
        after.End.FramesBefore.Should().Be(2);
    }

    [Fact]
    public void Given_a_window_When_reading_on_from_its_end_Then_the_next_window_starts_where_it_stopped()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap")).Append(Ping);
        var capture = new CaptureFile(writer.Path);
        CaptureWindow first = capture.Read();
        writer.Append(Syn);

        CaptureWindow second = capture.ReadSince(first.End);

        first.Select(frame => frame.Number).Should().Equal(1);
        second.Select(frame => frame.Number).Should().Equal(2);
    }

    [Fact]
    public void Given_a_file_that_does_not_exist_yet_When_marked_and_then_written_Then_the_window_holds_everything()
    {
        using var directory = new TempDirectory();
        var capture = new CaptureFile(directory.File("later.pcap"));
        CaptureMark mark = capture.Mark();
        new GrowingCapture(capture.Path).Append(Ping, Syn);

        capture.ReadSince(mark).Should().HaveCount(2);
        mark.Offset.Should().Be(0);
    }

    [Fact]
    public void Given_a_file_that_does_not_exist_When_read_Then_the_error_names_the_path_and_the_link()
    {
        using var directory = new TempDirectory();
        var capture = new CaptureFile(directory.File("missing.pcap"), new CaptureFileOptions { Name = "link7" });

        capture.Invoking(c => c.Read()).Should().Throw<CaptureException>().WithMessage("The capture file of link7 does not exist: */missing.pcap. Is the link's capture*");
    }

    [Fact]
    public void Given_a_mark_of_another_file_When_used_Then_the_error_says_whose_mark_it_is()
    {
        using var directory = new TempDirectory();
        var one = new CaptureFile(new GrowingCapture(directory.File("one.pcap")).Path);
        var two = new CaptureFile(new GrowingCapture(directory.File("two.pcap")).Path);

        two.Invoking(c => c.ReadSince(one.Mark())).Should().Throw<ArgumentException>().WithMessage("The mark belongs to */one.pcap, not to */two.pcap*");
    }

    [Fact]
    public void Given_a_file_recreated_by_its_writer_When_read_since_an_old_mark_Then_all_of_the_new_file_is_read()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap")).Append(Ping, Ping, Ping);
        var capture = new CaptureFile(writer.Path);
        CaptureMark old = capture.Mark();
        writer.Recreate().Append(Syn, Syn, Syn, Syn, Syn);

        // When
        CaptureWindow window = capture.ReadSince(old);
        CaptureWindow all = capture.Read();

        // Then: everything in the recreated file was written after the mark, whatever the writer's clock says
        all.Should().HaveCount(5);
        window.Select(frame => frame.Number).Should().Equal(1, 2, 3, 4, 5);
        window[0].Packet.Extract<TcpPacket>().Synchronize.Should().BeTrue();
    }

    [Fact]
    public void Given_a_window_larger_than_allowed_When_read_Then_the_error_says_how_to_narrow_it()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("big.pcap"));
        for (int i = 0; i < 100; i++)
        {
            writer.Append(Syn);
        }

        var capture = new CaptureFile(writer.Path, new CaptureFileOptions { MaxWindowBytes = 4096 });

        capture.Invoking(c => c.Read()).Should().Throw<CaptureException>().WithMessage("*more than 4096 bytes*Take a later mark*");
    }

    [Fact]
    public void Given_a_window_When_narrowed_by_filter_frame_and_predicate_Then_each_narrowing_keeps_the_others_and_says_so()
    {
        using var directory = new TempDirectory();
        CaptureWindow window = CaptureWindow.Load(CorpusFile.Write(directory.File("corpus.pcap")));
        Frame syn = window.First(frame => frame.Packet.Extract<TcpPacket>() is { Synchronize: true, Acknowledgment: false });

        CaptureWindow narrowed = window.After(syn).Matching("tcp").Matching(frame => frame.Number < syn.Number + 3, "the next two");

        narrowed.Select(frame => frame.Number).Should().Equal(syn.Number + 1, syn.Number + 2);
        narrowed.Description.Should().Contain($"after #{syn.Number}, matching \"tcp\", the next two");
        narrowed.Extent.Should().Be($"frames #{syn.Number + 1} to #{syn.Number + 2} of {window.Path}");
        window.Matching(frame => frame.Packet.Extract<ArpPacket>() is not null, "ARP").Should().HaveCount(9, "the corpus has nine ARP frames, and RARP is not ARP");
    }

    [Fact]
    public void Given_invalid_capture_options_When_a_capture_file_is_made_Then_the_option_is_named()
    {
        FluentActions.Invoking(() => new CaptureFile("x.pcap", new CaptureFileOptions { PollInterval = TimeSpan.Zero }))
            .Should().Throw<ArgumentException>().WithMessage("CaptureFileOptions.PollInterval*");
        FluentActions.Invoking(() => new CaptureFile("x.pcap", new CaptureFileOptions { DefaultTimeout = TimeSpan.FromHours(2) }))
            .Should().Throw<ArgumentException>().WithMessage("CaptureFileOptions.DefaultTimeout*");
    }
}
