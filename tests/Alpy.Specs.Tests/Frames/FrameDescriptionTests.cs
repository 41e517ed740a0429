using Alpy.Capture;
using Alpy.Specs.Steps.Frames;
using Alpy.Specs.Steps.Values;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Frames;

public sealed class FrameDescriptionTests
{
    private const byte Syn = 0x02;
    private const byte SynAck = 0x12;
    private const byte Rst = 0x04;

    private static bool Matches(string description, byte[] frame)
    {
        using var filter = new CaptureFilter(FrameDescription.Parse(description).Filter);
        return filter.Matches(frame);
    }

    [Fact]
    public void Given_every_kind_of_frame_When_turned_into_a_filter_Then_libpcap_compiles_it()
    {
        foreach (var (singular, plural, _, hasPorts) in FrameDescription.Kinds)
        {
            var v6 = singular.StartsWith("ICMPv6", StringComparison.Ordinal) || singular.StartsWith("neighbour", StringComparison.Ordinal) || singular == "IPv6 packet";
            var v4 = singular.StartsWith("ICMP ", StringComparison.Ordinal) || singular == "IP packet";
            List<string> descriptions = [$"no untagged {plural}", $"3 {plural}"];
            if (!v6)
                descriptions.Add($"a {singular} from 192.168.0.2 to 192.168.1.2 with TTL 63 tagged with VLAN 10");
            if (!v4)
                descriptions.Add($"a {singular} from 2001:db8::2 to [2001:db8:1::2] with hop limit 63 tagged with VLAN 10");
            if (hasPorts && !v6)
                descriptions.Add($"at least 2 {plural} from 192.168.0.2 port 1024 to 192.168.1.2 port 88");
            if (hasPorts && !v4)
                descriptions.Add($"at least 2 {plural} from 2001:db8::2 port 1024 to [2001:db8:1::2] port 88");
            foreach (var words in descriptions)
            {
                using var filter = new CaptureFilter(FrameDescription.Parse(words).Filter);
            }
        }
    }

    [Fact]
    public void Given_a_TCP_SYN_to_a_port_When_matched_Then_only_the_SYN_to_that_port_matches()
    {
        const string words = "a TCP SYN to 192.168.1.2 port 88";

        Matches(words, RawFrame.Tcp4("192.168.0.2", 40000, "192.168.1.2", 88, Syn)).Should().BeTrue();
        Matches(words, RawFrame.Tcp4("192.168.0.2", 40000, "192.168.1.2", 88, SynAck)).Should().BeFalse("a SYN-ACK is not a SYN");
        Matches(words, RawFrame.Tcp4("192.168.0.2", 40000, "192.168.1.2", 80, Syn)).Should().BeFalse("another port");
        Matches(words, RawFrame.Tcp4("192.168.0.2", 40000, "192.168.1.3", 88, Syn)).Should().BeFalse("another host");
    }

    [Fact]
    public void Given_no_VLAN_words_When_matched_Then_tagged_and_untagged_frames_match_and_the_tag_words_select()
    {
        var tagged = RawFrame.Icmp4("192.168.10.2", "192.168.20.2", 8, 0, vlan: 20);
        var untagged = RawFrame.Icmp4("192.168.10.2", "192.168.20.2", 8, 0);

        Matches("an ICMP echo request to 192.168.20.2", tagged).Should().BeTrue();
        Matches("an ICMP echo request to 192.168.20.2", untagged).Should().BeTrue();
        Matches("an ICMP echo request to 192.168.20.2 tagged with VLAN 20", tagged).Should().BeTrue();
        Matches("an ICMP echo request to 192.168.20.2 tagged with VLAN 10", tagged).Should().BeFalse();
        Matches("an ICMP echo request to 192.168.20.2 tagged with VLAN 20", untagged).Should().BeFalse();
        Matches("an untagged ICMP echo request to 192.168.20.2", tagged).Should().BeFalse();
        Matches("an untagged ICMP echo request to 192.168.20.2", untagged).Should().BeTrue();
    }

    [Fact]
    public void Given_TTL_words_When_matched_Then_only_that_TTL_matches()
    {
        Matches("an ICMP echo request with TTL 63", RawFrame.Icmp4("192.168.0.2", "192.168.1.2", 8, 0, ttl: 63)).Should().BeTrue();
        Matches("an ICMP echo request with TTL 63", RawFrame.Icmp4("192.168.0.2", "192.168.1.2", 8, 0, ttl: 64)).Should().BeFalse();
    }

    [Fact]
    public void Given_ICMP_error_words_When_matched_Then_type_and_code_are_told_apart()
    {
        var portUnreachable = RawFrame.Icmp4("192.168.0.1", "192.168.0.2", 3, 3);
        var hostUnreachable = RawFrame.Icmp4("192.168.0.1", "192.168.0.2", 3, 1);
        var timeExceeded = RawFrame.Icmp4("192.168.0.1", "192.168.0.2", 11, 0);

        Matches("an ICMP port unreachable to 192.168.0.2", portUnreachable).Should().BeTrue();
        Matches("an ICMP port unreachable to 192.168.0.2", hostUnreachable).Should().BeFalse();
        Matches("an ICMP unreachable to 192.168.0.2", hostUnreachable).Should().BeTrue();
        Matches("an ICMP time exceeded from 192.168.0.1", timeExceeded).Should().BeTrue();
        Matches("a TCP reset to 192.168.0.2", RawFrame.Tcp4("192.168.1.2", 8080, "192.168.0.2", 40000, Rst)).Should().BeTrue();
        Matches("a UDP packet from 192.168.1.2 port 53", RawFrame.Udp4("192.168.1.2", 53, "192.168.0.2", 40000)).Should().BeTrue();
        Matches("traffic from 192.168.0.2", RawFrame.Udp4("192.168.1.1", 53, "192.168.0.2", 40000)).Should().BeFalse();
    }

    [Fact]
    public void Given_IPv6_words_When_matched_Then_TCP_flags_ICMPv6_types_neighbour_discovery_and_the_hop_limit_are_read_from_the_IPv6_header()
    {
        const string words = "a TCP SYN to [2001:db8:1::2] port 22";

        Matches(words, RawFrame.Tcp6("2001:db8::2", 40000, "2001:db8:1::2", 22, Syn)).Should().BeTrue();
        Matches("a TCP SYN to 2001:db8:1::2 port 22", RawFrame.Tcp6("2001:db8::2", 40000, "2001:db8:1::2", 22, Syn)).Should().BeTrue("brackets are optional");
        Matches(words, RawFrame.Tcp6("2001:db8::2", 40000, "2001:db8:1::2", 22, SynAck)).Should().BeFalse("a SYN-ACK is not a SYN");
        Matches(words, RawFrame.Tcp6("2001:db8::2", 40000, "2001:db8:1::3", 22, Syn)).Should().BeFalse("another host");
        Matches(words, RawFrame.Tcp4("192.168.0.2", 40000, "192.168.1.2", 22, Syn)).Should().BeFalse("IPv4");
        Matches("a TCP SYN to port 22", RawFrame.Tcp4("192.168.0.2", 40000, "192.168.1.2", 22, Syn)).Should().BeTrue("TCP words cover both families");
        Matches("a TCP SYN to port 22", RawFrame.Tcp6("2001:db8::2", 40000, "2001:db8:1::2", 22, Syn)).Should().BeTrue("TCP words cover both families");
        Matches("a TCP reset from 2001:db8:1::2 port 22", RawFrame.Tcp6("2001:db8:1::2", 22, "2001:db8::2", 40000, Rst)).Should().BeTrue();
        Matches("a UDP packet to 2001:db8:1::2 port 7", RawFrame.Udp6("2001:db8::2", 40000, "2001:db8:1::2", 7)).Should().BeTrue();

        Matches("an ICMPv6 echo request to 2001:db8:1::2", RawFrame.Icmp6("2001:db8::2", "2001:db8:1::2", 128, 0)).Should().BeTrue();
        Matches("an ICMPv6 echo request to 2001:db8:1::2", RawFrame.Icmp6("2001:db8:1::2", "2001:db8:1::2", 129, 0)).Should().BeFalse("a reply");
        Matches("an ICMP echo request", RawFrame.Icmp6("2001:db8::2", "2001:db8:1::2", 128, 0)).Should().BeFalse("ICMP words are IPv4's");
        Matches("an ICMPv6 echo request", RawFrame.Icmp4("192.168.0.2", "192.168.1.2", 8, 0)).Should().BeFalse("ICMPv6 words are IPv6's");
        Matches("an ICMPv6 echo reply from 2001:db8:1::2", RawFrame.Icmp6("2001:db8:1::2", "2001:db8::2", 129, 0)).Should().BeTrue();
        Matches("an ICMPv6 port unreachable", RawFrame.Icmp6("2001:db8::1", "2001:db8::2", 1, 4)).Should().BeTrue();
        Matches("an ICMPv6 port unreachable", RawFrame.Icmp6("2001:db8::1", "2001:db8::2", 1, 1)).Should().BeFalse("administratively prohibited");
        Matches("an ICMPv6 administratively prohibited", RawFrame.Icmp6("2001:db8::1", "2001:db8::2", 1, 1)).Should().BeTrue();
        Matches("an ICMPv6 unreachable", RawFrame.Icmp6("2001:db8::1", "2001:db8::2", 1, 3)).Should().BeTrue();
        Matches("an ICMPv6 time exceeded from 2001:db8::1", RawFrame.Icmp6("2001:db8::1", "2001:db8::2", 3, 0)).Should().BeTrue();
        Matches("a neighbour solicitation", RawFrame.Icmp6("fe80::1", "ff02::1:ff00:2", 135, 0, hopLimit: 255)).Should().BeTrue();
        Matches("a neighbour advertisement", RawFrame.Icmp6("fe80::1", "ff02::1:ff00:2", 135, 0, hopLimit: 255)).Should().BeFalse();
        Matches("an ICMPv6 echo request with hop limit 63", RawFrame.Icmp6("2001:db8::2", "2001:db8:1::2", 128, 0, hopLimit: 63)).Should().BeTrue();
        Matches("an ICMPv6 echo request with hop limit 63", RawFrame.Icmp6("2001:db8::2", "2001:db8:1::2", 128, 0, hopLimit: 64)).Should().BeFalse();
        Matches("traffic from 2001:db8::2", RawFrame.Udp6("2001:db8::2", 40000, "2001:db8:1::2", 7)).Should().BeTrue("traffic is IPv4 and IPv6");
        Matches("an IPv6 packet", RawFrame.Udp4("192.168.0.2", 40000, "192.168.1.2", 7)).Should().BeFalse();
    }

    [Theory]
    [InlineData("an ICMPv6 echo request to 192.168.1.2", "192.168.1.2 is IPv4, ICMPv6 echo request is IPv6")]
    [InlineData("an ICMP echo request to 2001:db8:1::2", "ICMP echo request is IPv4, 2001:db8:1::2 is IPv6")]
    [InlineData("a TCP SYN from 192.168.0.2 to 2001:db8:1::2", "192.168.0.2 is IPv4, 2001:db8:1::2 is IPv6")]
    [InlineData("a UDP packet to 2001:db8:1::2 with TTL 63", "TTL is IPv4, 2001:db8:1::2 is IPv6")]
    [InlineData("a UDP packet to 192.168.1.2 with hop limit 63", "192.168.1.2 is IPv4, hop limit is IPv6")]
    public void Given_words_of_both_families_When_parsed_Then_the_error_names_both_instead_of_a_filter_nothing_passes(string words, string problem) =>
        FluentActions.Invoking(() => FrameDescription.Parse(words)).Should().Throw<StepValueException>()
            .Which.Message.Should().Contain("it mixes the families: " + problem);

    [Theory]
    [InlineData("a", QuantityKind.AtLeast, 1)]
    [InlineData("no", QuantityKind.Exactly, 0)]
    [InlineData("3", QuantityKind.Exactly, 3)]
    [InlineData("at least 2", QuantityKind.AtLeast, 2)]
    [InlineData("at most 4", QuantityKind.AtMost, 4)]
    public void Given_a_quantity_When_parsed_Then_it_is_kept(string words, QuantityKind kind, int count) =>
        FrameDescription.Parse(words + " ICMP packets").Quantity.Should().Be(new Quantity(kind, count));

    [Theory]
    [InlineData("a TCP SYN to 192.168.1.300 port 88", "\"192.168.1.300\" is not an IPv4 address")]
    [InlineData("a TCP SYN to 192.168.1.2 port 99999", "\"99999\" is not a port")]
    [InlineData("a TCP SYN tagged with VLAN 5000", "\"VLAN 5000\" is not a VLAN")]
    [InlineData("a TCP SYN to 2001:db8:1::g port 22", "\"2001:db8:1::g\" is not an IPv6 address")]
    [InlineData("an ICMPv6 echo request to fe80::1%eth0", "it has a zone index")]
    public void Given_a_malformed_value_in_the_words_When_parsed_Then_the_error_quotes_the_value_and_the_words(string words, string problem) =>
        FluentActions.Invoking(() => FrameDescription.Parse(words)).Should().Throw<StepValueException>()
            .Which.Message.Should().Contain(problem).And.Contain($"In the frame description \"{words}\"");

    [Theory]
    [InlineData("an ICMP echo request to port 7", "ICMP has no ports")]
    [InlineData("a TCP SYN with TTL 300", "is not a TTL")]
    [InlineData("a frobnicated packet", "names no kind of frame")]
    [InlineData("a TCP SYN to 192.168.1.2 loudly", "\"loudly\" is not expected there")]
    [InlineData("an untagged TCP SYN tagged with VLAN 10", "\"tagged\" is not expected there")]
    public void Given_words_out_of_the_grammar_When_parsed_Then_the_error_quotes_the_words_and_the_grammar(string words, string problem)
    {
        var error = FluentActions.Invoking(() => FrameDescription.Parse(words)).Should().Throw<StepValueException>().Which;

        error.Message.Should().Contain(problem).And.Contain("[a | an | no | N");
    }
}
