using Alpy.Specs.Steps.Traffic;

namespace Alpy.Specs.Tests.Traffic;

public sealed class ToolOutputTests
{
    [Theory]
    [InlineData(1, "2026/11/21 socat[8] E connect(5, AF=2 192.168.1.2:80, 16): Connection refused", TrafficOutcome.Refused)]
    [InlineData(1, "2026/11/21 socat[10] E read(5, 0x56, 8192): Connection refused", TrafficOutcome.Refused)]
    [InlineData(1, "socat[8] E connecting to AF=2 192.168.1.2:80: Connection timed out", TrafficOutcome.TimedOut)]
    [InlineData(1, "alpy-no-reply\nsocat[1] E waitpid(): child 7 exited with status 3", TrafficOutcome.TimedOut)]
    [InlineData(1, "socat[8] E connect(6, AF=2 192.168.9.9:81, 16): Network is unreachable", TrafficOutcome.Unreachable)]
    [InlineData(1, "socat[8] E connect(6, AF=2 192.168.9.9:81, 16): No route to host", TrafficOutcome.Unreachable)]
    [InlineData(0, "", TrafficOutcome.Succeeded)]
    [InlineData(2, "alpy-ask: unknown protocol", TrafficOutcome.Failed)]
    public void Given_what_a_client_printed_When_read_Then_the_outcome_is_classified(long exitCode, string output, TrafficOutcome expected) =>
        TrafficOutcomes.FromToolOutput(exitCode, output).Should().Be(expected);

    // iputils ping's own words (seen in the lab and in a namespace with an nft reject rule); exit code 1 both when
    // nothing came back and when an ICMP error did, 2 when the kernel refused to send.
    [Theory]
    [InlineData(0, "1 packets transmitted, 1 received, 0% packet loss, time 0ms", "", TrafficOutcome.Succeeded)]
    [InlineData(1, "From 192.168.0.1 icmp_seq=1 Destination Port Unreachable\n1 packets transmitted, 0 received, +1 errors, 100% packet loss", "", TrafficOutcome.Refused)]
    [InlineData(1, "From 192.168.0.1 icmp_seq=1 Destination Host Unreachable\n1 packets transmitted, 0 received, +1 errors, 100% packet loss", "", TrafficOutcome.Unreachable)]
    [InlineData(1, "From 192.168.0.1 icmp_seq=1 Packet filtered\n1 packets transmitted, 0 received, +1 errors, 100% packet loss", "", TrafficOutcome.Unreachable)]
    [InlineData(1, "From 192.168.0.1 icmp_seq=1 Time to live exceeded\n1 packets transmitted, 0 received, +1 errors, 100% packet loss", "", TrafficOutcome.Failed)]
    [InlineData(2, "", "/usr/bin/ping: connect: Network is unreachable", TrafficOutcome.Unreachable)]
    [InlineData(1, "1 packets transmitted, 0 received, 100% packet loss, time 0ms", "", TrafficOutcome.TimedOut)]
    public void Given_what_ping_printed_When_read_Then_an_ICMP_error_is_told_from_silence(long exitCode, string stdout, string stderr, TrafficOutcome expected) =>
        ToolOutput.Ping(exitCode, stdout, stderr).Should().Be(expected);

    [Fact]
    public void Given_alpy_ask_output_When_read_Then_the_reply_line_is_found() =>
        ToolOutput.Reply("noise\nalpy-reply hello across\n").Should().Be("hello across");

    [Fact]
    public void Given_an_echo_servers_log_When_read_Then_each_receipt_has_its_sender_and_message() =>
        ToolOutput.Receipts("alpy-received 192.168.1.1 40000 who am I\nother\nalpy-received 192.168.0.2 40001 \n")
            .Should().Equal(new Receipt("192.168.1.1", "40000", "who am I"), new Receipt("192.168.0.2", "40001", ""));

    [Fact]
    public void Given_a_dual_stack_echo_servers_log_When_read_Then_IPv4_mapped_and_bracketed_senders_are_plain_addresses() =>
        ToolOutput.Receipts("alpy-received [::ffff:192.168.0.2] 40000 hi\nalpy-received [2001:0db8:0000:0000:0000:0000:0000:0002] 40001 hi\n")
            .Should().Equal(new Receipt("192.168.0.2", "40000", "hi"), new Receipt("2001:db8::2", "40001", "hi"));

    [Fact]
    public void Given_http_get_output_When_read_Then_each_request_has_an_outcome_and_a_body()
    {
        var responses = ToolOutput.Responses("alpy-response ok backend A\nalpy-response failed 2026 socat[9] E connect(5, AF=2 192.168.1.100:80, 16): Connection refused\n");

        responses.Should().Equal(
            new HttpResponse(TrafficOutcome.Succeeded, "backend A"),
            new HttpResponse(TrafficOutcome.Refused, "2026 socat[9] E connect(5, AF=2 192.168.1.100:80, 16): Connection refused"));
    }

    [Fact]
    public void Given_iperf3_json_When_read_Then_the_received_rate_or_the_error_comes_out()
    {
        ToolOutput.Throughput("""{"start":{},"end":{"sum_received":{"bits_per_second":1948233.5}}}""").Should().Be((1948233.5, (string?)null));
        ToolOutput.Throughput("""{"start":{},"error":"unable to connect to server: Connection refused"}""").Should().Be(((double?)null, "unable to connect to server: Connection refused"));
        FluentActions.Invoking(() => ToolOutput.Throughput("iperf3: error")).Should().Throw<FormatException>().WithMessage("*iperf3 printed no result*iperf3: error*");
    }

    [Theory]
    [InlineData(ExpectedOutcome.Succeeds, TrafficOutcome.Succeeded, true)]
    [InlineData(ExpectedOutcome.Fails, TrafficOutcome.Refused, true)]
    [InlineData(ExpectedOutcome.Fails, TrafficOutcome.Succeeded, false)]
    [InlineData(ExpectedOutcome.TimesOut, TrafficOutcome.Refused, false)]
    [InlineData(ExpectedOutcome.IsRefused, TrafficOutcome.Refused, true)]
    [InlineData(ExpectedOutcome.IsRefused, TrafficOutcome.TimedOut, false)]
    [InlineData(ExpectedOutcome.IsUnreachable, TrafficOutcome.Unreachable, true)]
    public void Given_an_expected_and_a_seen_outcome_When_compared_Then_only_the_right_ones_meet(ExpectedOutcome expected, TrafficOutcome seen, bool met) =>
        expected.IsMetBy(seen).Should().Be(met);
}
