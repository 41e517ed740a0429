using FluentAssertions.Execution;
using PacketDotNet;

namespace Alpy.Capture.Tests.Assertions;

/// <summary>Assertions that wait on a growing capture.</summary>
public sealed class CaptureFileAssertionsTests
{
    private static readonly byte[] Ping = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo request").Bytes;
    private static readonly byte[] Syn = FrameCorpus.All.Single(frame => frame.Name == "TCP SYN").Bytes;

    [Fact]
    public async Task Given_a_frame_arriving_soon_When_asserting_it_is_received_Then_it_passes_with_the_frame()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path);
        CaptureMark mark = capture.Mark();
        _ = Task.Delay(100, TestContext.Current.CancellationToken).ContinueWith(_ => writer.Append(Syn), TestContext.Current.CancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

        (await capture.Should().ReceiveFrameAsync("tcp[tcpflags] == tcp-syn", mark, TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken))
            .Which.Packet.Extract<TcpPacket>().DestinationPort.Should().Be(8888);
    }

    [Fact]
    public async Task Given_no_such_frame_When_asserting_it_is_received_Then_the_failure_says_what_arrived()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path, new CaptureFileOptions { Name = "link2" });
        CaptureMark mark = capture.Mark();
        writer.Append(Ping);

        Func<Task> act = () => capture.Should().ReceiveFrameAsync("tcp", mark, TimeSpan.FromMilliseconds(100), "the client connects", TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<AssertionFailedException>()
            .WithMessage("Expected link2 to receive a frame matching \"tcp\" because the client connects, but none arrived. Waited 0.1 s*ICMP echo request*");
    }

    [Fact]
    public async Task Given_a_forbidden_frame_When_it_arrives_during_the_watch_Then_the_assertion_fails_with_it()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path, new CaptureFileOptions { Name = "link1" });
        CaptureMark mark = capture.Mark();
        writer.Append(Syn, Ping);

        Func<Task> act = () => capture.Should().NotReceiveFrameAsync("icmp", mark, TimeSpan.FromSeconds(5), "the firewall drops pings", TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<AssertionFailedException>()
            .WithMessage("Expected link1 to receive no frame matching \"icmp\" within 5 s*because the firewall drops pings, but frame #2 did. It held 2 frame(s), as tcpdump -# -n -e prints them:*    2  *ICMP echo request*");
    }

    [Fact]
    public async Task Given_only_allowed_frames_When_watching_for_a_forbidden_one_Then_the_assertion_passes_after_the_watch()
    {
        using var directory = new TempDirectory();
        var writer = new GrowingCapture(directory.File("link.pcap"));
        var capture = new CaptureFile(writer.Path);
        CaptureMark mark = capture.Mark();
        writer.Append(Syn);

        await capture.Should().NotReceiveFrameAsync("icmp", mark, TimeSpan.FromMilliseconds(150), cancellationToken: TestContext.Current.CancellationToken);
    }
}
