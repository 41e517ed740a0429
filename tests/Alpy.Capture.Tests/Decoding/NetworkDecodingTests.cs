using System.Net;

namespace Alpy.Capture.Tests.Decoding;

public sealed class NetworkDecodingTests
{
    [Fact]
    public void Given_an_ARP_reply_When_decoded_Then_every_field_is_typed()
    {
        ArpPacket arp = Corpus.Packet("ARP reply").Arp!.Value;

        arp.Operation.Should().Be(ArpOperation.Reply);
        arp.HardwareType.Should().Be(1);
        arp.ProtocolType.Should().Be(EtherType.Ipv4);
        arp.SenderHardwareAddress.Should().Be(MacAddress.Parse("02:00:00:00:00:0b"));
        arp.SenderProtocolAddress.Should().Be(IPAddress.Parse("10.77.0.2"));
        arp.TargetHardwareAddress.Should().Be(MacAddress.Parse("02:00:00:00:00:0a"));
        arp.TargetProtocolAddress.Should().Be(IPAddress.Parse("10.77.0.1"));
    }

    [Fact]
    public void Given_an_IPv4_packet_with_options_When_decoded_Then_header_fields_and_options_are_read()
    {
        Ipv4Packet ip = Corpus.Packet("IPv4 with router alert").Ipv4!.Value;

        ip.Version.Should().Be(4);
        ip.HeaderLength.Should().Be(24);
        ip.Options.Should().ContainSingle().Which.Should().Match<Ipv4Option>(option => option.Number == 20 && option.Copied && option.Length == 4);
        ip.Destination.Should().Be(IPAddress.Parse("224.0.0.22"));
        ip.Protocol.Should().Be(IpProtocol.Udp);
        ip.HasValidHeaderChecksum.Should().BeTrue();
    }

    [Fact]
    public void Given_TOS_TTL_and_DF_When_decoded_Then_they_are_read()
    {
        Ipv4Packet ip = Corpus.Packet("IPv4 TTL 1 DF TOS").Ipv4!.Value;

        ip.TimeToLive.Should().Be(1);
        ip.DontFragment.Should().BeTrue();
        ip.Dscp.Should().Be(46);
        ip.Ecn.Should().Be(0);
        ip.IsFragment.Should().BeFalse();
    }

    [Fact]
    public void Given_the_fragments_of_a_datagram_When_decoded_Then_they_are_flagged_and_only_the_first_has_a_transport_header()
    {
        Packet first = Corpus.Packet("IPv4 first fragment");
        Packet middle = Corpus.Packet("IPv4 middle fragment");
        Packet last = Corpus.Packet("IPv4 last fragment");

        first.IsFragment.Should().BeTrue();
        first.IsLaterFragment.Should().BeFalse();
        first.Udp!.Value.DestinationPort.Should().Be(7777);
        first.Ipv4!.Value.MoreFragments.Should().BeTrue();
        middle.IsLaterFragment.Should().BeTrue();
        middle.Udp.Should().BeNull();
        middle.Ipv4!.Value.FragmentOffset.Should().Be(64);
        middle.Payload.Length.Should().Be(64);
        last.Ipv4!.Value.MoreFragments.Should().BeFalse();
        last.Ipv4.Value.FragmentOffset.Should().Be(128);
        last.Protocol.Should().Be(IpProtocol.Icmp);
        last.Icmp.Should().BeNull();
    }

    [Fact]
    public void Given_Ethernet_padding_after_a_short_IPv4_packet_When_decoded_Then_the_padding_is_not_part_of_the_payload()
    {
        Packet packet = Corpus.Packet("IPv4 padded to 60 bytes");

        packet.Udp!.Value.Payload.ToArray().Should().Equal(1);
        packet.Payload.Length.Should().Be(1);
    }

    [Theory]
    [InlineData("IPv4 header length 16", PacketProblem.BadIpv4HeaderLength)]
    [InlineData("IPv4 total length below header", PacketProblem.BadIpv4TotalLength)]
    [InlineData("IPv4 total length 0", PacketProblem.BadIpv4TotalLength)]
    [InlineData("IPv4 cut inside the header", PacketProblem.TruncatedIpv4Header)]
    public void Given_a_malformed_IPv4_header_When_decoded_Then_the_problem_is_named_and_no_layer_above_is_made_up(string name, PacketProblem problem)
    {
        Packet packet = Corpus.Packet(name);

        packet.Problem.Should().Be(problem);
        packet.Ipv4.Should().BeNull();
        packet.Udp.Should().BeNull();
        packet.EtherType.Should().Be(EtherType.Ipv4);
    }

    [Fact]
    public void Given_an_IPv6_packet_with_hop_by_hop_options_When_decoded_Then_the_extension_headers_are_walked_to_UDP()
    {
        Packet packet = Corpus.Packet("IPv6 hop-by-hop then UDP");
        Ipv6Packet ip = packet.Ipv6!.Value;

        ip.NextHeader.Should().Be(IpProtocol.HopByHopOptions);
        ip.UpperLayerProtocol.Should().Be(IpProtocol.Udp);
        ip.ExtensionHeaders.Should().ContainSingle().Which.Should().Match<Ipv6ExtensionHeader>(header =>
            header.Protocol == IpProtocol.HopByHopOptions && header.NextHeader == IpProtocol.Udp && header.Data.Length == 8);
        packet.Protocol.Should().Be(IpProtocol.Udp);
        packet.Udp!.Value.Payload.ToArray().Should().Equal(9);
        ip.HopLimit.Should().Be(64);
        ip.Source.Should().Be(IPAddress.Parse("fd77::1"));
    }

    [Fact]
    public void Given_a_routing_header_When_decoded_Then_it_is_listed_and_ICMPv6_follows()
    {
        Packet packet = Corpus.Packet("IPv6 routing header then ICMPv6");

        packet.Ipv6!.Value.ExtensionHeaders.Select(header => header.Protocol).Should().Equal(IpProtocol.Routing);
        packet.Icmpv6!.Value.Type.Should().Be(Icmpv6Type.EchoRequest);
    }

    [Fact]
    public void Given_IPv6_fragments_When_decoded_Then_the_fragment_header_is_read_and_only_the_first_has_UDP()
    {
        Packet first = Corpus.Packet("IPv6 first fragment");
        Packet later = Corpus.Packet("IPv6 later fragment");

        first.Ipv6!.Value.Fragment.Should().Be(new Ipv6FragmentHeader(IpProtocol.Udp, 0, true, 0xBEEF));
        first.Udp!.Value.SourcePort.Should().Be(5000);
        later.Ipv6!.Value.Fragment.Should().Be(new Ipv6FragmentHeader(IpProtocol.Udp, 64, false, 0xBEEF));
        later.IsLaterFragment.Should().BeTrue();
        later.Udp.Should().BeNull();
        later.Payload.Length.Should().Be(44);
        later.Protocol.Should().Be(IpProtocol.Udp);
    }

    [Fact]
    public void Given_unknown_and_absent_upper_layers_When_decoded_Then_the_protocol_and_payload_are_given()
    {
        Packet unknown = Corpus.Packet("IPv6 unknown next header");
        Packet none = Corpus.Packet("IPv6 no next header");
        Packet unknown4 = Corpus.Packet("IPv4 unknown protocol");

        unknown.Protocol.Should().Be((IpProtocol)253);
        unknown.Payload.Length.Should().Be(12);
        none.Protocol.Should().Be(IpProtocol.NoNextHeader);
        none.Payload.Length.Should().Be(0);
        unknown4.Protocol.Should().Be((IpProtocol)253);
        unknown4.Payload.Length.Should().Be(20);
    }

    [Fact]
    public void Given_an_IPv6_header_cut_short_When_decoded_Then_it_is_a_named_problem()
    {
        Corpus.Packet("IPv6 cut inside the header").Problem.Should().Be(PacketProblem.TruncatedIpv6Header);
    }
}
