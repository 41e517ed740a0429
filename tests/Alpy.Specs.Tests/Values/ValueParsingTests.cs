using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Tests.Values;

public sealed class ValueParsingTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("80", 80)]
    [InlineData("65535", 65535)]
    public void Given_a_port_in_range_When_parsed_Then_it_is_that_number(string text, int expected) =>
        Port.Parse(text).Number.Should().Be(expected);

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("70000")]
    [InlineData("-1")]
    [InlineData("8o")]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("8080; reboot")]
    public void Given_a_malformed_port_When_parsed_Then_the_error_quotes_it_and_says_how_to_write_one(string text)
    {
        var parse = () => Port.Parse(text);

        parse.Should().Throw<StepValueException>().Which.Message.Should().Contain($"\"{text}\" is not a port").And.Contain("1 to 65535");
    }

    [Theory]
    [InlineData("192.168.1.2")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public void Given_an_IPv4_address_When_parsed_Then_it_round_trips(string text) =>
        Ipv4.Parse(text).ToString().Should().Be(text);

    [Theory]
    [InlineData("192.168.1.300", "0 to 255")]
    [InlineData("192.168.1", "four numbers")]
    [InlineData("192.168.001.2", "leading zeros")]
    [InlineData("fd00::1", "four numbers")]
    [InlineData("192.168.1.2/24", "four numbers")]
    [InlineData("$(reboot)", "four numbers")]
    [InlineData("host.example", "four numbers")]
    public void Given_a_malformed_address_When_parsed_Then_the_error_quotes_it_and_explains(string text, string explanation) =>
        FluentActions.Invoking(() => Ipv4.Parse(text)).Should().Throw<StepValueException>()
            .Which.Message.Should().Contain($"\"{text}\"").And.Contain(explanation);

    [Theory]
    [InlineData("2001:db8:1::2", "2001:db8:1::2")]
    [InlineData("[2001:db8:1::2]", "2001:db8:1::2")]
    [InlineData("2001:0DB8:0001:0000:0000:0000:0000:0002", "2001:db8:1::2")]
    [InlineData("fe80::1", "fe80::1")]
    [InlineData("192.168.1.2", "192.168.1.2")]
    public void Given_an_IPv4_or_IPv6_address_When_parsed_as_a_step_address_Then_it_is_read(string text, string expected) =>
        IpAddressText.Parse(text).ToString().Should().Be(expected);

    [Theory]
    [InlineData("2001:db8:1::g", "is not an IPv6 address")]
    [InlineData("2001:db8::1::2", "is not an IPv6 address")]
    [InlineData("2001:db8:1:2:3:4:5:6:7", "is not an IPv6 address")]
    [InlineData("[2001:db8:1::2", "is not an IPv6 address")]
    [InlineData("2001:db8:1::2/64", "is not an IPv6 address")]
    [InlineData("fe80::1%eth0", "zone index")]
    [InlineData("[fe80::1%25eth0]", "zone index")]
    [InlineData("::1;reboot", "is not an IPv6 address")]
    [InlineData("192.168.1.300", "0 to 255")]
    public void Given_a_malformed_step_address_When_parsed_Then_the_error_quotes_it_and_says_how_to_write_it(string text, string explanation) =>
        FluentActions.Invoking(() => IpAddressText.Parse(text)).Should().Throw<StepValueException>()
            .Which.Message.Should().Contain($"\"{text}\"").And.Contain(explanation);

    [Theory]
    [InlineData("IPv4 TCP port 22 from link 0 to link 1", IpFamily.Ipv4, "IPv4 TCP port 22 from link 0 to link 1")]
    [InlineData("ipv6 icmp", IpFamily.Ipv6, "IPv6 ICMP")]
    [InlineData("TCP port 22", null, "TCP port 22")]
    public void Given_rule_words_with_or_without_a_family_When_parsed_Then_the_family_is_kept(string text, IpFamily? family, string shown)
    {
        var traffic = TrafficSelector.Parse(text);

        traffic.Family.Should().Be(family);
        traffic.ToString().Should().Be(shown);
    }

    [Theory]
    [InlineData("IPv6 SSH", "\"SSH\" follows IPv6, not ICMP, TCP, UDP or traffic")]
    [InlineData("IPv5 TCP", "it starts with \"IPv5\", not IPv4, IPv6, ICMP, TCP, UDP or traffic")]
    [InlineData("TCP IPv6 port 22", "\"IPv6\" is not expected there")]
    public void Given_a_family_word_out_of_place_When_parsed_Then_the_error_says_where_it_goes(string text, string problem) =>
        FluentActions.Invoking(() => TrafficSelector.Parse(text)).Should().Throw<StepValueException>().Which.Message.Should().Contain(problem);

    [Fact]
    public void Given_a_hop_limit_out_of_range_When_checked_Then_the_error_calls_it_a_hop_limit() =>
        FluentActions.Invoking(() => Count.HopLimit(256)).Should().Throw<StepValueException>().WithMessage("\"256\" is not a hop limit; it must be 1 to 255*");

    [Theory]
    [InlineData("TCP", TrafficProtocol.Tcp)]
    [InlineData("udp", TrafficProtocol.Udp)]
    [InlineData("Icmp", TrafficProtocol.Icmp)]
    public void Given_a_protocol_name_in_any_case_When_parsed_Then_it_is_recognised(string text, TrafficProtocol expected) =>
        TrafficProtocols.Parse(text).Should().Be(expected);

    [Fact]
    public void Given_ICMP_where_a_port_is_needed_When_parsed_Then_the_error_says_ICMP_has_no_ports() =>
        FluentActions.Invoking(() => TrafficProtocols.ParseWithPorts("ICMP")).Should().Throw<StepValueException>().WithMessage("*ICMP has no ports*");

    [Theory]
    [InlineData("SCTP")]
    [InlineData("")]
    public void Given_an_unknown_protocol_When_parsed_Then_the_error_lists_the_known_ones(string text) =>
        FluentActions.Invoking(() => TrafficProtocols.Parse(text)).Should().Throw<StepValueException>().WithMessage("*TCP, UDP or ICMP*");

    [Theory]
    [InlineData("0", 0, null)]
    [InlineData("1.10", 1, 10)]
    [InlineData("15.4094", 15, 4094)]
    public void Given_a_node_When_parsed_Then_link_and_VLAN_are_read(string text, int link, int? vlan) =>
        NodeRef.Parse(text).Should().Be(new NodeRef(link, vlan));

    [Theory]
    [InlineData("16")]
    [InlineData("1.0")]
    [InlineData("1.4095")]
    [InlineData("a")]
    [InlineData("01")]
    [InlineData("1.")]
    public void Given_a_malformed_node_When_parsed_Then_the_error_quotes_it(string text) =>
        FluentActions.Invoking(() => NodeRef.Parse(text)).Should().Throw<StepValueException>().WithMessage($"*\"node {text}\" is not a node*");

    [Theory]
    [InlineData("2", "Mbit/s", 2e6)]
    [InlineData("1.5", "Mbit/s", 1.5e6)]
    [InlineData("500", "kbit/s", 5e5)]
    [InlineData("1", "Gbit/s", 1e9)]
    public void Given_a_rate_When_parsed_Then_it_is_in_bits_per_second(string number, string unit, double expected) =>
        Rate.Parse(number, unit).BitsPerSecond.Should().Be(expected);

    [Theory]
    [InlineData("2", "MB/s", "bits, not bytes")]
    [InlineData("2", "Mbps", "unit must be")]
    [InlineData("0", "Mbit/s", "not a rate")]
    [InlineData("-2", "Mbit/s", "not a rate")]
    [InlineData("1", "bit/s", "8 kbit/s to 10 Gbit/s")]
    [InlineData("20", "Gbit/s", "8 kbit/s to 10 Gbit/s")]
    public void Given_a_malformed_rate_When_parsed_Then_the_error_says_why(string number, string unit, string why) =>
        FluentActions.Invoking(() => Rate.Parse(number, unit)).Should().Throw<StepValueException>().Which.Message.Should().Contain(why);

    [Fact]
    public void Given_a_measured_rate_When_formatted_Then_it_uses_the_unit_that_reads_best()
    {
        Rate.Format(1_940_000).Should().Be("1.94 Mbit/s");
        Rate.Format(512_000).Should().Be("512 kbit/s");
    }

    [Fact]
    public void Given_a_ratio_When_parsed_Then_each_share_is_its_weight_over_the_sum()
    {
        var ratio = Ratio.Parse("3:1");

        ratio.Share(0).Should().Be(0.75);
        ratio.Share(1).Should().Be(0.25);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("3:0")]
    [InlineData("3:a")]
    [InlineData("101:1")]
    [InlineData(":")]
    public void Given_a_malformed_ratio_When_parsed_Then_the_error_quotes_it(string text) =>
        FluentActions.Invoking(() => Ratio.Parse(text)).Should().Throw<StepValueException>().WithMessage($"*\"{text}\" is not a ratio*");

    [Theory]
    [InlineData("10", 0.1)]
    [InlineData("0", 0)]
    [InlineData("12.5", 0.125)]
    public void Given_a_percentage_When_parsed_Then_it_is_a_fraction(string number, double fraction) =>
        Percentage.Parse(number).Fraction.Should().Be(fraction);

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    public void Given_a_malformed_percentage_When_parsed_Then_the_error_quotes_it(string number) =>
        FluentActions.Invoking(() => Percentage.Parse(number)).Should().Throw<StepValueException>().WithMessage("*is not a percentage*");

    [Theory]
    [InlineData("hello")]
    [InlineData("$(id); `reboot` 'quoted' \"double\" | & ;")]
    public void Given_printable_text_When_parsed_as_a_message_Then_it_is_kept_verbatim(string text) =>
        MessageText.Parse(text).Should().Be(text);

    [Theory]
    [InlineData("")]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    public void Given_empty_or_multi_line_text_When_parsed_as_a_message_Then_it_is_refused(string text) =>
        FluentActions.Invoking(() => MessageText.Parse(text)).Should().Throw<StepValueException>();

    [Fact]
    public void Given_a_huge_message_When_parsed_Then_it_is_refused_without_echoing_all_of_it()
    {
        var huge = new string('x', 1_000_000);

        var error = FluentActions.Invoking(() => MessageText.Parse(huge)).Should().Throw<StepValueException>().Which;

        error.Message.Should().Contain("1000000 characters").And.Contain("200");
        error.Message.Length.Should().BeLessThan(400, "a message shows a cut of the value, not all of it");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Given_a_count_out_of_range_When_checked_Then_the_error_names_the_range(int value) =>
        FluentActions.Invoking(() => Count.Times(value)).Should().Throw<StepValueException>().WithMessage("*1 to 100*");
}
