using PacketDotNet;

namespace Alpy.Capture.Tests.Filtering;

/// <summary>BPF filters compiled by libpcap through SharpPcap and run on kept frames, and the errors people get for bad expressions.</summary>
public sealed class CaptureFilterTests
{
    [Fact]
    public void Given_corpus_frames_When_filtered_by_VLAN_and_protocol_Then_only_the_tagged_UDP_frame_passes()
    {
        using var filter = new CaptureFilter("vlan 10 and udp");

        IEnumerable<string> passing = FrameCorpus.All.Where(frame => filter.Matches(frame.Bytes)).Select(frame => frame.Name);

        passing.Should().Equal("802.1Q tagged UDP");
        filter.Expression.Should().Be("vlan 10 and udp");
        filter.ToString().Should().Be("vlan 10 and udp");
    }

    [Fact]
    public void Given_an_invalid_expression_When_compiled_Then_the_error_quotes_libpcap_and_the_expression()
    {
        Action compile = () => _ = new CaptureFilter("tcp dst port");

        compile.Should().Throw<CaptureFilterException>()
            .Where(error => error.Expression == "tcp dst port")
            .WithMessage("Invalid capture filter \"tcp dst port\" for Ethernet frames: libpcap says \"can't parse filter expression: syntax error\"*e.g. \"tcp dst port 88\"*");
    }

    [Fact]
    public void Given_a_misspelled_keyword_When_compiled_Then_it_is_refused_before_libpcap_would_look_it_up_in_DNS()
    {
        Action compile = () => _ = new CaptureFilter("tcp dst prot 88");

        compile.Should().Throw<CaptureFilterException>().WithMessage("*\"prot\" is not a filter keyword*through DNS*Did you mean \"port\"?*");
    }

    [Theory]
    [InlineData("TCP", "Keywords are lower case: \"tcp\"")]
    [InlineData("host example.com", "\"example.com\" is not a filter keyword")]
    [InlineData("src gateway1", "\"gateway1\" is not a filter keyword")]
    [InlineData("ether[12:2] = 0x800 and router", "\"router\" is not a filter keyword")]
    [InlineData("foo:bar", "\"foo\" is not a filter keyword")]
    public void Given_an_expression_naming_a_host_When_compiled_Then_it_is_refused_with_advice(string expression, string advice)
    {
        Action compile = () => _ = new CaptureFilter(expression);

        compile.Should().Throw<CaptureFilterException>().WithMessage($"*{advice}*Write addresses as numbers*");
    }

    [Theory]
    [InlineData("port http or domain")]
    [InlineData("ip proto \\tcp")]
    [InlineData("host fe80::1 or host 10.0.0.1")]
    [InlineData("ether src 52:54:00:12:34:56 and net 10.0.0.0/8")]
    [InlineData("tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn")]
    [InlineData("icmp6 and ip6[40] == icmp6-neighborsolicit")]
    [InlineData("portrange 1000-2000")]
    [InlineData("")]
    public void Given_expressions_of_keywords_numbers_addresses_and_service_names_When_compiled_Then_they_are_accepted(string expression)
    {
        using var filter = new CaptureFilter(expression);

        filter.Matches(FrameCorpus.All[0].Bytes).Should().Be(expression.Length == 0);
    }

    [Fact]
    public void Given_an_expression_with_a_NUL_or_too_long_When_compiled_Then_it_is_refused_before_libpcap()
    {
        FluentActions.Invoking(() => new CaptureFilter("tcp\0 or udp")).Should().Throw<CaptureFilterException>().WithMessage("*NUL*");
        FluentActions.Invoking(() => new CaptureFilter(new string(' ', 9000) + "tcp")).Should().Throw<CaptureFilterException>().WithMessage("*longer than 8192*");
    }

    [Fact]
    public void Given_raw_IP_frames_When_filtered_Then_the_program_is_compiled_for_their_link_type()
    {
        byte[] ip = FrameBuilder.Ipv4("192.0.2.1", "192.0.2.2", 6, FrameBuilder.Tcp("192.0.2.1", "192.0.2.2", 1, 88, TcpFlags.Syn));
        using var filter = new CaptureFilter("tcp dst port 88");

        filter.Matches(ip, LinkLayers.RawLegacy).Should().BeTrue("libpcap names raw IP DLT_RAW, 12 on Linux, as SharpPcap's devices report it");
        filter.Matches(ip, LinkLayers.IPv4).Should().BeTrue();
        filter.Matches(ip).Should().BeFalse("the same bytes read as Ethernet are not TCP");
    }

    [Fact]
    public void Given_an_expression_invalid_for_a_link_type_When_such_a_frame_is_filtered_Then_the_error_names_the_link_type()
    {
        using var filter = new CaptureFilter("ether src 52:54:00:12:34:56");

        FluentActions.Invoking(() => filter.Matches([0x45], LinkLayers.RawLegacy)).Should().Throw<CaptureFilterException>().WithMessage("*for RawLegacy frames*");
    }

    [Fact]
    public void Given_a_disposed_filter_When_used_Then_it_says_so()
    {
        var filter = new CaptureFilter("tcp");
        filter.Dispose();

        FluentActions.Invoking(() => filter.Matches(FrameCorpus.All[0].Bytes)).Should().Throw<ObjectDisposedException>();
        filter.Dispose();
    }

    [Fact]
    public void Given_a_frame_cut_by_the_snap_length_When_filtered_on_its_length_Then_the_wire_length_counts_as_for_tcpdump()
    {
        using var directory = new TempDirectory();
        byte[] ping = FrameCorpus.All.Single(frame => frame.Name == "ICMP echo request").Bytes;
        string file = new PcapBuilder(snapLength: 64).Record(0, ping[..64], original: (uint)ping.Length).WriteTo(directory.File("cut.pcap"));

        CaptureWindow window = CaptureWindow.Load(file);

        window.Matching("greater 90").Should().ContainSingle("the frame was 98 bytes on the wire, 64 of them captured");
        window.Matching("icmp[icmptype] == icmp-echo").Should().ContainSingle();
    }

    [Fact]
    public void Given_libpcap_When_its_version_is_asked_Then_it_names_libpcap()
    {
        CaptureFilter.LibpcapVersion.Should().StartWith("libpcap version ");
    }
}
