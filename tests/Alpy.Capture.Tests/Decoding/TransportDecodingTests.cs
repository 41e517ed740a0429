using System.Net;

namespace Alpy.Capture.Tests.Decoding;

public sealed class TransportDecodingTests
{
    [Fact]
    public void Given_a_SYN_with_options_When_decoded_Then_ports_numbers_flags_and_options_are_typed()
    {
        TcpSegment tcp = Corpus.Packet("TCP SYN").Tcp!.Value;

        (tcp.SourcePort, tcp.DestinationPort).Should().Be(((ushort)40000, (ushort)8888));
        tcp.SequenceNumber.Should().Be(3_000_000_000);
        tcp.Flags.Should().Be(TcpFlags.Syn);
        (tcp.Syn, tcp.Ack, tcp.Fin, tcp.Rst, tcp.Psh, tcp.Urg).Should().Be((true, false, false, false, false, false));
        tcp.Window.Should().Be(64240);
        tcp.HeaderLength.Should().Be(40);
        tcp.MaximumSegmentSize.Should().Be(1460);
        tcp.SackPermitted.Should().BeTrue();
        tcp.Timestamp.Should().Be(new TcpTimestamp(111, 0));
        tcp.WindowScale.Should().Be(7);
        tcp.Options.Select(option => option.Kind).Should().Equal(
            TcpOptionKind.MaximumSegmentSize, TcpOptionKind.SackPermitted, TcpOptionKind.Timestamp, TcpOptionKind.NoOperation, TcpOptionKind.WindowScale);
        tcp.Payload.Length.Should().Be(0);
    }

    [Fact]
    public void Given_a_data_segment_When_decoded_Then_the_payload_is_the_data_and_the_checksum_is_valid()
    {
        Packet packet = Corpus.Packet("TCP data");

        packet.Tcp!.Value.Payload.ToArray().Should().Equal("hello\n"u8.ToArray());
        packet.Tcp.Value.Flags.Should().Be(TcpFlags.Psh | TcpFlags.Ack);
        packet.Tcp.Value.AcknowledgmentNumber.Should().Be(501);
        packet.HasValidTransportChecksum.Should().BeTrue();
        packet.SourcePort.Should().Be(40000);
        packet.DestinationAddress.Should().Be(IPAddress.Parse("10.77.0.2"));
    }

    [Fact]
    public void Given_a_segment_whose_port_was_rewritten_without_fixing_the_checksum_When_decoded_Then_the_checksum_is_invalid()
    {
        byte[] frame = FrameCorpus.All.Single(candidate => candidate.Name == "TCP data").Bytes.ToArray();
        frame[14 + 20 + 3] ^= 0x01; // destination port 8888 -> 8889, as a broken NAT would leave it

        Packet packet = Packet.Decode(LinkType.Ethernet, frame);

        packet.DestinationPort.Should().Be(8889);
        packet.HasValidTransportChecksum.Should().BeFalse();
    }

    [Fact]
    public void Given_urgent_data_When_decoded_Then_the_urgent_pointer_is_read()
    {
        TcpSegment tcp = Corpus.Packet("TCP urgent").Tcp!.Value;

        tcp.Urg.Should().BeTrue();
        tcp.UrgentPointer.Should().Be(3);
    }

    [Fact]
    public void Given_malformed_options_When_decoded_Then_the_typed_options_are_absent_rather_than_wrong()
    {
        TcpSegment tcp = Corpus.Packet("TCP malformed option").Tcp!.Value;

        tcp.MaximumSegmentSize.Should().BeNull();
        tcp.Options.Should().BeEmpty();
        Corpus.Packet("TCP option with wrong length").Tcp!.Value.MaximumSegmentSize.Should().BeNull();
    }

    [Fact]
    public void Given_a_header_length_below_20_When_decoded_Then_the_problem_is_named_and_the_payload_starts_after_20_bytes()
    {
        Packet packet = Corpus.Packet("TCP short header length");

        packet.Problem.Should().Be(PacketProblem.BadTcpHeaderLength);
        packet.Tcp!.Value.HeaderLength.Should().Be(16);
        packet.Tcp.Value.Payload.Length.Should().Be(0);
    }

    [Fact]
    public void Given_a_TCP_header_cut_after_the_ports_When_decoded_Then_the_ports_are_still_known()
    {
        Packet packet = Corpus.Packet("TCP cut inside the header");

        packet.Tcp.Should().BeNull();
        packet.Problem.Should().Be(PacketProblem.TruncatedTransportHeader);
        packet.SourcePort.Should().Be(40000);
        packet.DestinationPort.Should().Be(80);
        packet.HasValidTransportChecksum.Should().BeNull();
    }

    [Fact]
    public void Given_a_UDP_datagram_When_decoded_Then_ports_length_checksum_and_payload_are_read()
    {
        Packet packet = Corpus.Packet("UDP");
        UdpDatagram udp = packet.Udp!.Value;

        (udp.SourcePort, udp.DestinationPort, udp.Length).Should().Be(((ushort)5000, (ushort)7777, (ushort)11));
        udp.Payload.ToArray().Should().Equal("hi\n"u8.ToArray());
        packet.HasValidTransportChecksum.Should().BeTrue();
    }

    [Fact]
    public void Given_an_ICMP_echo_When_decoded_Then_identifier_and_sequence_are_read()
    {
        IcmpMessage icmp = Corpus.Packet("ICMP echo request").Icmp!.Value;

        icmp.Type.Should().Be(IcmpType.Echo);
        (icmp.Identifier, icmp.SequenceNumber).Should().Be(((ushort)0x1234, (ushort)1));
        icmp.IsError.Should().BeFalse();
        icmp.OriginalDatagram.Should().BeNull();
        Corpus.Packet("ICMP echo request").HasValidTransportChecksum.Should().BeTrue();
    }

    [Fact]
    public void Given_a_port_unreachable_When_decoded_Then_the_quoted_datagram_is_decoded_too()
    {
        IcmpMessage icmp = Corpus.Packet("ICMP UDP port unreachable").Icmp!.Value;

        icmp.Type.Should().Be(IcmpType.DestinationUnreachable);
        icmp.Code.Should().Be(3);
        icmp.IsError.Should().BeTrue();
        Packet quoted = icmp.OriginalDatagram!.Value;
        quoted.DestinationAddress.Should().Be(IPAddress.Parse("10.77.9.9"));
        quoted.Udp!.Value.DestinationPort.Should().Be(7777);
    }

    [Fact]
    public void Given_need_to_fragment_and_redirect_When_decoded_Then_MTU_and_gateway_are_read()
    {
        Corpus.Packet("ICMP need to frag with MTU").Icmp!.Value.NextHopMtu.Should().Be(1400);
        Corpus.Packet("ICMP redirect host").Icmp!.Value.Gateway.Should().Be(IPAddress.Parse("10.77.0.3"));
        Corpus.Packet("ICMP parameter problem").Icmp!.Value.ProblemOffset.Should().Be(20);
    }

    [Fact]
    public void Given_neighbour_discovery_When_decoded_Then_targets_flags_and_link_layer_options_are_read()
    {
        Icmpv6Message solicitation = Corpus.Packet("ICMPv6 neighbor solicitation").Icmpv6!.Value;
        Icmpv6Message advertisement = Corpus.Packet("ICMPv6 neighbor advertisement").Icmpv6!.Value;

        solicitation.Type.Should().Be(Icmpv6Type.NeighborSolicitation);
        solicitation.TargetAddress.Should().Be(IPAddress.Parse("fd77::2"));
        solicitation.SourceLinkLayerAddress.Should().Be(MacAddress.Parse("02:00:00:00:00:0a"));
        advertisement.TargetAddress.Should().Be(IPAddress.Parse("fd77::2"));
        (advertisement.Router, advertisement.Solicited, advertisement.Override).Should().Be((true, true, true));
        advertisement.TargetLinkLayerAddress.Should().Be(MacAddress.Parse("02:00:00:00:00:0b"));
        Corpus.Packet("ICMPv6 neighbor advertisement").HasValidTransportChecksum.Should().BeTrue();
    }

    [Fact]
    public void Given_a_router_advertisement_When_decoded_Then_its_fields_and_options_are_read()
    {
        Icmpv6Message advertisement = Corpus.Packet("ICMPv6 router advertisement").Icmpv6!.Value;

        advertisement.CurrentHopLimit.Should().Be(64);
        (advertisement.ManagedAddressConfiguration, advertisement.OtherConfiguration).Should().Be((true, true));
        advertisement.RouterLifetime.Should().Be(1800);
        advertisement.ReachableTime.Should().Be(30000);
        advertisement.RetransmitTimer.Should().Be(1000);
        advertisement.Options.Select(option => option.Type).Should().Equal((byte)1, (byte)5, (byte)3);
        advertisement.SourceLinkLayerAddress.Should().Be(MacAddress.Parse("02:00:00:00:00:0b"));
    }

    [Fact]
    public void Given_ICMPv6_errors_and_echo_When_decoded_Then_MTU_quoted_packet_and_sequence_are_read()
    {
        Icmpv6Message tooBig = Corpus.Packet("ICMPv6 packet too big").Icmpv6!.Value;
        Icmpv6Message unreachable = Corpus.Packet("ICMPv6 UDP port unreachable").Icmpv6!.Value;
        Icmpv6Message echo = Corpus.Packet("ICMPv6 echo request").Icmpv6!.Value;

        tooBig.Mtu.Should().Be(1280);
        unreachable.OriginalPacket!.Value.Udp!.Value.DestinationPort.Should().Be(7777);
        (echo.Identifier, echo.SequenceNumber).Should().Be(((ushort)0x42, (ushort)1));
        Corpus.Packet("MLD report").Icmpv6!.Value.MulticastAddress.Should().Be(IPAddress.Parse("ff02::1:3"));
        Corpus.Packet("MLDv2 report").Icmpv6!.Value.RecordCount.Should().Be(1);
        Corpus.Packet("ICMPv6 redirect").Icmpv6!.Value.RedirectDestination.Should().Be(IPAddress.Parse("fd99::1"));
    }
}
