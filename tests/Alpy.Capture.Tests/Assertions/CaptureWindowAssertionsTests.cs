using FluentAssertions.Execution;
using PacketDotNet;

namespace Alpy.Capture.Tests.Assertions;

/// <summary>The assertions pass when they should, and when they fail the message says what the capture held.</summary>
public sealed class CaptureWindowAssertionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CaptureWindow _window;

    public CaptureWindowAssertionsTests()
    {
        _window = new CaptureFile(CorpusFile.Write(_directory.File("link1.pcap")), new CaptureFileOptions { Name = "link1" }).Read();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Given_a_window_with_the_SYN_When_asserting_it_contains_it_Then_it_passes_and_Which_is_the_frame()
    {
        _window.Should().ContainFrame("tcp[tcpflags] == tcp-syn and tcp dst port 8888")
            .Which.Packet.Extract<TcpPacket>().SequenceNumber.Should().Be(3_000_000_000);
    }

    [Fact]
    public void Given_no_matching_frame_When_asserting_it_is_contained_Then_the_failure_names_the_window_the_reason_and_lists_the_frames_tcpdump_prints()
    {
        Action act = () => _window.Should().ContainFrame("tcp dst port 88", "the DNAT rule sends port {0} to 88", 80);

        act.Should().Throw<AssertionFailedException>().Which.Message.Should()
            .StartWith("Expected link1 (").And
            .Contain($"{_window.Count} frame(s): #1 to #{_window.Count}) to contain a frame matching \"tcp dst port 88\" because the DNAT rule sends port 80 to 88, but none of its frames matched. It held {_window.Count} frame(s), as tcpdump -# -n -e prints them:").And
            .Contain("      1  ").And.Contain(", ethertype ARP (0x0806), length 42: Request who-has 10.77.0.2 tell 10.77.0.1, length 28").And
            .Contain($"... {_window.Count - 12} more frame(s) ...");
    }

    [Fact]
    public void Given_a_frame_that_must_not_be_there_When_asserting_it_is_not_Then_the_failure_lists_the_offending_frames()
    {
        Action act = () => _window.Should().NotContainFrame("icmp[icmptype] == icmp-echo");

        act.Should().Throw<AssertionFailedException>()
            .WithMessage("Expected link1 (*) to contain no frame matching \"icmp[icmptype] == icmp-echo\", but 2 did:*ICMP echo request, id 4660, seq 1, length 64*");
    }

    [Fact]
    public void Given_counts_When_asserting_occurrences_Then_exact_and_bounded_counts_pass_or_fail_with_the_count_found()
    {
        _window.Should().ContainFrame("icmp[icmptype] == icmp-echoreply", Exactly.Once());
        _window.Should().ContainFrame("arp", AtLeast.Times(5)).Which.Should().HaveCount(8, "BPF's arp takes neither RARP nor tagged ARP");
        _window.Should().ContainFrame("tcp dst port 9999", Exactly.Times(0));

        Action act = () => _window.Should().ContainFrame("icmp[icmptype] == icmp-echo", Exactly.Thrice());

        act.Should().Throw<AssertionFailedException>()
            .WithMessage("Expected link1 (*) to contain frames matching \"icmp[icmptype] == icmp-echo\" exactly 3 times, but found 2. These matched:*");
    }

    [Fact]
    public void Given_predicates_over_PacketDotNet_When_asserting_Then_the_predicate_appears_in_the_failure()
    {
        _window.Should().ContainFrame(frame => frame.Packet.Extract<TcpPacket>() != null && frame.Packet.Extract<TcpPacket>().Reset).Which.Number.Should().BePositive();

        Action act = () => _window.Should().ContainFrame(frame => frame.Packet.Extract<UdpPacket>() != null && frame.Packet.Extract<UdpPacket>().DestinationPort == 4242);
        Action not = () => _window.Should().NotContainFrame(frame => frame.Packet.Extract<ArpPacket>() != null);

        act.Should().Throw<AssertionFailedException>().WithMessage("*to contain a frame where ((frame.Packet.Extract() != null) AndAlso (frame.Packet.Extract().DestinationPort == 4242)), but none of its frames did.*");
        not.Should().Throw<AssertionFailedException>().WithMessage("*to contain no frame where (frame.Packet.Extract() != null), but 9 did:*");
    }

    [Fact]
    public void Given_a_handshake_When_asserting_its_order_Then_in_order_passes_and_out_of_order_names_the_missing_step()
    {
        _window.Should().ContainFramesInOrder("tcp[tcpflags] == tcp-syn", "tcp[tcpflags] == tcp-syn|tcp-ack", "tcp[tcpflags] == tcp-ack")
            .Which.Select(frame => frame.Packet.Extract<TcpPacket>().Flags).Should().Equal((ushort)TcpFlags.Syn, (ushort)(TcpFlags.Syn | TcpFlags.Ack), (ushort)TcpFlags.Ack);

        Action act = () => _window.Should().ContainFramesInOrder("tcp[tcpflags] == tcp-syn|tcp-ack", "ip and tcp[tcpflags] == tcp-syn and tcp dst port 8888");

        act.Should().Throw<AssertionFailedException>().WithMessage("*but found no frame matching \"ip and tcp[tcpflags] == tcp-syn and tcp dst port 8888\" after frame #*");
    }

    [Fact]
    public void Given_lines_with_braces_When_a_failure_lists_them_Then_the_message_is_intact()
    {
        Action act = () => _window.Matching("tcp and src port 8888").Should().NotContainFrame("tcp");

        act.Should().Throw<AssertionFailedException>().WithMessage("*sack 1 {*:*}*", "tcpdump prints SACK blocks in braces, which FluentAssertions would read as placeholders");
    }

    [Fact]
    public void Given_several_failures_in_an_assertion_scope_When_it_ends_Then_all_are_reported()
    {
        Action act = () =>
        {
            using var scope = new AssertionScope();
            _window.Should().ContainFrame("tcp dst port 1");
            _window.Should().NotContainFrame("arp");
        };

        act.Should().Throw<AssertionFailedException>().WithMessage("*tcp dst port 1*arp*");
    }

    [Fact]
    public void Given_an_empty_window_When_asserting_a_frame_Then_the_failure_says_it_held_nothing()
    {
        Action act = () => _window.Matching("tcp port 1").Should().ContainFrame("tcp");

        act.Should().Throw<AssertionFailedException>().WithMessage("*link1 (no frames; matching \"tcp port 1\")*It held no frames at all.");
    }
}
