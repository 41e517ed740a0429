using PacketDotNet;

namespace Alpy.Capture.Tests.Live;

/// <summary>Following a capture that tcpdump writes while real traffic flows, as the lab follows QEMU's filter-dump.</summary>
public sealed class LiveTcpdumpTests
{
    [Fact]
    public async Task Given_tcpdump_writing_a_link_When_a_ping_crosses_it_Then_the_wait_sees_the_reply_and_the_window_holds_the_exchange()
    {
        // Given
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        await using NetnsPair pair = await NetnsPair.CreateAsync(cancellationToken);
        await using WireCapture wire = await WireCapture.StartAsync(pair, directory.File("link.pcap"), cancellationToken);
        var capture = new CaptureFile(wire.File, new CaptureFileOptions { Name = "link1" });
        (await pair.ExecAsync(NetnsPair.Side.A, ["busybox", "ping", "-c", "1", "-W", "2", NetnsPair.AddressB], cancellationToken: cancellationToken)).EnsureSuccess();
        await capture.WaitForFrameAsync("icmp[icmptype] == icmp-echoreply", CaptureMark.Start, cancellationToken: cancellationToken);
        CaptureMark mark = capture.Mark();

        // When
        (await pair.ExecAsync(NetnsPair.Side.A, ["busybox", "ping", "-c", "2", "-i", "0.2", "-W", "2", NetnsPair.AddressB], cancellationToken: cancellationToken)).EnsureSuccess();
        CaptureWindow replies = await capture.WaitForFramesAsync("icmp[icmptype] == icmp-echoreply", 2, mark, cancellationToken: cancellationToken);
        await wire.StopAsync();

        // Then
        replies.Select(frame => frame.Packet.Extract<IcmpV4Packet>().Sequence).Should().Equal(0, 1);
        replies.Should().OnlyContain(frame => frame.Packet.Extract<IPPacket>().SourceAddress.ToString() == NetnsPair.AddressB);
        CaptureWindow since = capture.ReadSince(mark);
        since.Should().ContainFrame("icmp[icmptype] == icmp-echo and src host 10.77.0.1", Exactly.Twice());
        since.Should().NotContainFrame("tcp");
        IReadOnlyList<string> tcpdump = await Tcpdump.ReadLinesAsync(wire.File, cancellationToken: cancellationToken);
        since.Select(frame => frame.Number).Should().OnlyContain(number => number > mark.FramesBefore && number <= tcpdump.Count);
        capture.Read().Should().HaveCount(tcpdump.Count);
    }
}
