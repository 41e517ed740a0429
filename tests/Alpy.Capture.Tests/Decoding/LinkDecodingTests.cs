namespace Alpy.Capture.Tests.Decoding;

public sealed class LinkDecodingTests
{
    [Fact]
    public void Given_an_untagged_frame_When_decoded_Then_addresses_and_type_are_read()
    {
        Packet packet = Corpus.Packet("ARP request");

        packet.Ethernet!.Value.Destination.Should().Be(MacAddress.Parse("02:00:00:00:00:0b"));
        packet.Ethernet.Value.Source.ToString().Should().Be("02:00:00:00:00:0a");
        packet.Ethernet.Value.EtherType.Should().Be(EtherType.Arp);
        packet.Ethernet.Value.HeaderLength.Should().Be(14);
        packet.Vlans.Should().BeEmpty();
        packet.EtherType.Should().Be(EtherType.Arp);
    }

    [Fact]
    public void Given_a_QinQ_frame_When_decoded_Then_both_tags_are_listed_outermost_first()
    {
        Packet packet = Corpus.Packet("QinQ ARP");

        packet.Vlans.Should().Equal(new VlanTag(EtherType.QinQ, 0, false, 100), new VlanTag(EtherType.Vlan, 0, false, 20));
        packet.Ethernet!.Value.Destination.IsBroadcast.Should().BeTrue();
        packet.Ethernet.Value.HeaderLength.Should().Be(22);
        packet.EtherType.Should().Be(EtherType.Arp);
        packet.Arp!.Value.TargetProtocolAddress!.ToString().Should().Be("10.77.0.2");
    }

    [Fact]
    public void Given_a_tag_with_priority_and_drop_eligibility_When_decoded_Then_both_are_read()
    {
        Packet packet = Corpus.Packet("802.1Q priority 5 with DEI");

        packet.Vlans.Should().ContainSingle().Which.Should().Be(new VlanTag(EtherType.Vlan, 5, true, 42));
        packet.Tcp!.Value.DestinationPort.Should().Be(443);
    }

    [Fact]
    public void Given_three_stacked_tags_When_decoded_Then_all_are_walked_to_the_IPv4_payload()
    {
        Packet packet = Corpus.Packet("Three tags");

        packet.Vlans.Select(tag => tag.Id).Should().Equal(1, 2, 3);
        packet.Icmp!.Value.Type.Should().Be(IcmpType.Echo);
    }

    [Fact]
    public void Given_an_unknown_EtherType_When_decoded_Then_its_payload_is_still_available()
    {
        Packet packet = Corpus.Packet("Tagged unknown EtherType");

        packet.EtherType.Should().Be((EtherType)0x88B6);
        packet.Ipv4.Should().BeNull();
        packet.Payload.Length.Should().Be(42);
        packet.Problem.Should().Be(PacketProblem.None);
    }

    [Fact]
    public void Given_an_802_3_frame_When_decoded_Then_the_type_field_is_a_length_and_the_LLC_bytes_are_the_payload()
    {
        Packet packet = Corpus.Packet("802.3 LLC");

        packet.Ethernet!.Value.EtherType.Should().BeNull();
        packet.Ethernet.Value.TypeOrLength.Should().Be(38);
        packet.EtherType.Should().BeNull();
        packet.Payload.Span[..2].ToArray().Should().Equal(0x42, 0x42);
    }

    [Fact]
    public void Given_a_frame_shorter_than_an_Ethernet_header_When_decoded_Then_it_says_so_instead_of_failing()
    {
        Packet packet = Corpus.Packet("Ethernet header cut");

        packet.Ethernet.Should().BeNull();
        packet.Problem.Should().Be(PacketProblem.TruncatedLinkHeader);
        packet.IsTruncated.Should().BeTrue();
    }

    [Theory]
    [InlineData(LinkType.Raw)]
    [InlineData(LinkType.Ipv4)]
    public void Given_a_raw_IP_frame_When_decoded_Then_the_IP_layer_starts_at_the_first_byte(LinkType linkType)
    {
        byte[] ip = FrameBuilder.Ipv4("192.0.2.1", "192.0.2.2", 6, FrameBuilder.Tcp("192.0.2.1", "192.0.2.2", 1, 2, TcpFlags.Syn));

        Packet packet = Packet.Decode(linkType, ip);

        packet.SourceAddress!.ToString().Should().Be("192.0.2.1");
        packet.Tcp!.Value.Syn.Should().BeTrue();
        packet.Ethernet.Should().BeNull();
    }

    [Theory]
    [InlineData(LinkType.LinuxSll)]
    [InlineData(LinkType.LinuxSll2)]
    public void Given_a_Linux_cooked_frame_When_decoded_Then_the_protocol_field_leads_to_the_IP_layer(LinkType linkType)
    {
        byte[] ip = FrameBuilder.Ipv6("fd00::1", "fd00::2", 17, FrameBuilder.Udp("fd00::1", "fd00::2", 53, 5353, [1]));
        byte[] header = linkType == LinkType.LinuxSll
            ? [0, 4, 0, 1, 0, 6, .. FrameBuilder.MacA, 0, 0, 0x86, 0xDD]
            : [0x86, 0xDD, 0, 0, 0, 0, 0, 2, 0, 1, 4, 6, .. FrameBuilder.MacA, 0, 0];

        Packet packet = Packet.Decode(linkType, (byte[])[.. header, .. ip]);

        packet.EtherType.Should().Be(EtherType.Ipv6);
        packet.Udp!.Value.DestinationPort.Should().Be(5353);
    }

    [Theory]
    [InlineData(new byte[] { 2, 0, 0, 0 }, LinkType.Null)]
    [InlineData(new byte[] { 0, 0, 0, 2 }, LinkType.Null)]
    [InlineData(new byte[] { 0, 0, 0, 2 }, LinkType.Loop)]
    public void Given_a_loopback_frame_in_either_byte_order_When_decoded_Then_IPv4_is_found(byte[] family, LinkType linkType)
    {
        byte[] ip = FrameBuilder.Ipv4("127.0.0.1", "127.0.0.1", 17, FrameBuilder.Udp("127.0.0.1", "127.0.0.1", 1, 2, []));

        Packet.Decode(linkType, (byte[])[.. family, .. ip]).Udp.Should().NotBeNull();
    }

    [Fact]
    public void Given_MAC_address_text_When_parsed_Then_both_separators_are_accepted_and_garbage_is_refused()
    {
        MacAddress.Parse("52-54-00-AB-cd-EF").ToString().Should().Be("52:54:00:ab:cd:ef");
        MacAddress.TryParse("52:54:00:ab:cd", out _).Should().BeFalse();
        MacAddress.TryParse("52:54:00:ab:cd:zz", out _).Should().BeFalse();
        MacAddress.TryParse(null, out _).Should().BeFalse();
        FluentActions.Invoking(() => MacAddress.Parse("nope")).Should().Throw<FormatException>().WithMessage("*six hexadecimal octets*");
        MacAddress.Parse("33:33:00:00:00:01").IsMulticast.Should().BeTrue();
        var bytes = new byte[6];
        MacAddress.Parse("52:54:00:12:34:56").CopyTo(bytes);
        bytes.Should().Equal(0x52, 0x54, 0x00, 0x12, 0x34, 0x56);
        new MacAddress(bytes).Should().Be(MacAddress.Parse("52:54:00:12:34:56")).And.NotBe(MacAddress.Broadcast);
    }

    [Fact]
    public void Given_a_tag_list_When_indexed_out_of_range_Then_the_error_says_how_many_tags_there_are()
    {
        VlanTagList tags = Corpus.Packet("QinQ ARP").Vlans;

        FluentActions.Invoking(() => tags[2]).Should().Throw<ArgumentOutOfRangeException>().WithMessage("The frame has 2 VLAN tag(s).*");
    }
}
