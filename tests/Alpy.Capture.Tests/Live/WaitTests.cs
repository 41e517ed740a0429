using PacketDotNet;

namespace Alpy.Capture.Tests.Live;

/// <summary>Waiting for frames that arrive a little after the action that caused them, as on a lab link.</summary>
public sealed class WaitTests
{
    private static readonly byte[] Ping = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo request").Bytes;
    private static readonly byte[] Reply = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo reply").Bytes;
    private static readonly byte[] Syn = FrameCorpus.All.Single(frame => frame.Name == "TCP SYN").Bytes;

    [Fact]
    public async Task Given_a_frame_that_arrives_after_the_wait_began_When_waiting_for_it_Then_it_is_returned()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap")).Append(Reply);
        var capture = new CaptureFile(writer.Path);
        CaptureMark mark = capture.Mark();
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Task writing = Task.Run(
            async () =>
            {
                await Task.Delay(100, cancellationToken);
                writer.Append(Ping);
                await Task.Delay(50, cancellationToken);
                writer.Append(Reply);
            },
            cancellationToken);

        // When
        Frame reply = await capture.WaitForFrameAsync("icmp[icmptype] == icmp-echoreply", mark, TimeSpan.FromSeconds(10), cancellationToken);
        await writing;

        // Then
        reply.Number.Should().Be(3, "the reply before the mark does not count");
        reply.Packet.Extract<IcmpV4Packet>().TypeCode.Should().Be(IcmpV4TypeCode.EchoReply);
    }

    [Fact]
    public async Task Given_frames_arriving_one_by_one_When_waiting_for_a_count_Then_the_matching_frames_are_returned_once_all_arrived()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path);
        CaptureMark mark = capture.Mark();
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Task writing = Task.Run(
            async () =>
            {
                foreach (byte[] frame in new[] { Ping, Syn, Ping, Syn, Ping })
                {
                    await Task.Delay(20, cancellationToken);
                    writer.Append(frame);
                }
            },
            cancellationToken);

        CaptureWindow pings = await capture.WaitForFramesAsync("icmp", 3, mark, TimeSpan.FromSeconds(10), cancellationToken);
        await writing;

        pings.Select(frame => frame.Number).Should().Equal(1, 3, 5);
        pings.Description.Should().Contain("matching \"icmp\"");
    }

    [Fact]
    public async Task Given_no_matching_frame_When_the_wait_times_out_Then_the_error_lists_what_arrived()
    {
        // Given
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path, new CaptureFileOptions { Name = "link1" });
        CaptureMark mark = capture.Mark();
        writer.Append(Ping, Reply);

        // When
        Func<Task> wait = () => capture.WaitForFrameAsync("tcp dst port 88", mark, TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);

        // Then
        (await wait.Should().ThrowAsync<CaptureTimeoutException>())
            .WithMessage("Waited 0.2 s for a frame matching \"tcp dst port 88\" on link1 after frame #0 (byte 24) of link.pcap*held 2 frame(s) since the mark, as tcpdump -# -n -e prints them:*")
            .Which.Window.Should().HaveCount(2);
        (await wait.Should().ThrowAsync<CaptureTimeoutException>()).Which.Message.Should()
            .Contain("\n      1  ").And.Contain("ethertype IPv4 (0x0800)").And.Contain("10.77.0.1 > 10.77.0.2: ICMP echo request, id 4660, seq 1, length 64");
    }

    [Fact]
    public async Task Given_a_capture_file_that_never_appears_When_waiting_Then_the_error_says_the_file_is_missing()
    {
        using var directory = new TempDirectory();
        var capture = new CaptureFile(directory.File("never.pcap"));

        Func<Task> wait = () => capture.WaitForFrameAsync("icmp", capture.Mark(), TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        await wait.Should().ThrowAsync<CaptureTimeoutException>().WithMessage("*the capture file does not exist: */never.pcap*");
    }

    [Fact]
    public async Task Given_a_cancelled_token_When_waiting_Then_the_wait_ends_with_cancellation()
    {
        using var directory = new TempDirectory();
        var capture = new CaptureFile(new GrowingCapture(directory.File("link.pcap")).Path);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(100);

        Func<Task> wait = () => capture.WaitForFrameAsync("icmp", capture.Mark(), TimeSpan.FromSeconds(30), cancellation.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Given_an_invalid_filter_When_waiting_Then_the_filter_error_comes_at_once()
    {
        using var directory = new TempDirectory();
        var capture = new CaptureFile(new GrowingCapture(directory.File("link.pcap")).Path);

        Func<Task> wait = () => capture.WaitForFrameAsync("tcp port", capture.Mark(), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        await wait.Should().ThrowAsync<CaptureFilterException>();
    }
}
