using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Suite;

/// <summary>
/// The suite is not green by construction: the whole feature suite runs against a DUT configured wrongly on purpose
/// (ALPY_DUT_MUTANTS=all: filters ignored, reroutes to the wrong port, masquerade forgotten, no rate limit, one
/// backend only, forwarding never off; and, in runs of their own, filters made stateless and filters applied to IPv4 only). Exactly the scenarios that depend on those behaviours must fail, each with a
/// message that says what was expected and what was seen; every other scenario (the negative twins among them) passes.
/// </summary>
[Trait("Category", "integration")]
[Trait("Category", "slow")]
public sealed class NegativeProofTests
{
    /// <summary>Scenario, the mutant that breaks it, and what its failure message must say.</summary>
    private static readonly (string Scenario, string Mutant, string[] Says)[] Expected =
    [
        ("Dropped TCP traffic to a port does not cross the DUT over IPv4 (protocol: TCP, port: 8080, family: IPv4, far: 192.168.1.2)", "ignore-filters", ["Expected the message", "to time out", "but it succeeded"]),
        ("Dropped UDP traffic to a port does not cross the DUT over IPv4 (protocol: UDP, port: 5353, family: IPv4, far: 192.168.1.2)", "ignore-filters", ["Expected the message", "to time out", "but it succeeded"]),
        ("Dropped TCP traffic to a port does not cross the DUT over IPv6 (protocol: TCP, port: 8080, family: IPv6, far: 2001:db8:1::2)", "ignore-filters", ["Expected the message (node 0 sends \"knock\" over TCP to 2001:db8:1::2 port 8080) to time out", "but it succeeded"]),
        ("Dropped UDP traffic to a port does not cross the DUT over IPv6 (protocol: UDP, port: 5353, family: IPv6, far: 2001:db8:1::2)", "ignore-filters", ["Expected the message", "to time out", "but it succeeded"]),
        ("Dropped ICMP does not cross the DUT", "ignore-filters", ["Expected the ping", "to time out", "but it succeeded"]),
        ("Dropped ICMP does not cross the DUT over IPv6 either", "ignore-filters", ["Expected the ping (node 0 pings 2001:db8:1::2) to time out", "but it succeeded"]),
        ("Rejected TCP traffic is answered on the client's link over IPv4 (protocol: TCP, port: 8080, family: IPv4, near: 192.168.0.2, far: 192.168.1.2, answer: a TCP reset)", "ignore-filters", ["to be refused", "but it succeeded"]),
        ("Rejected UDP traffic is answered on the client's link over IPv4 (protocol: UDP, port: 5353, family: IPv4, near: 192.168.0.2, far: 192.168.1.2, answer: an ICMP port unreachable)", "ignore-filters", ["to be refused", "but it succeeded"]),
        ("Rejected TCP traffic is answered on the client's link over IPv6 (protocol: TCP, port: 8080, family: IPv6, near: 2001:db8:0::2, far: 2001:db8:1::2, answer: a TCP reset)", "ignore-filters", ["to be refused", "but it succeeded"]),
        ("Rejected UDP traffic is answered on the client's link over IPv6 (protocol: UDP, port: 5353, family: IPv6, near: 2001:db8:0::2, far: 2001:db8:1::2, answer: an ICMPv6 port unreachable)", "ignore-filters", ["to be refused", "but it succeeded"]),
        ("Rejected ICMP is answered with an ICMP error (icmp: ICMP, dut: 192.168.0.1, near: 192.168.0.2, far: 192.168.1.2)", "ignore-filters", ["Expected the ping", "to fail", "but it succeeded"]),
        ("Rejected ICMP is answered with an ICMPv6 error (icmp: ICMPv6, dut: 2001:db8:0::1, near: 2001:db8:0::2, far: 2001:db8:1::2)", "ignore-filters", ["Expected the ping (node 0 pings 2001:db8:1::2) to fail", "but it succeeded"]),
        ("A rule written for IPv4 closes SSH over IPv4", "ignore-filters", ["Expected the connection (node 0 connects to 192.168.1.2 port 22) to time out", "but it succeeded"]),
        ("A rule for both families closes SSH over IPv6 too", "ignore-filters", ["Expected the connection (node 0 connects to 2001:db8:1::2 port 22) to time out", "but it succeeded"]),
        ("A rule written for IPv6 leaves SSH over IPv4 open", "ignore-filters", ["Expected the connection (node 0 connects to 2001:db8:1::2 port 22) to be refused", "but it succeeded"]),
        ("A rule against TCP from link 1 to link 0 drops what link 1 starts (protocol: TCP, action: drops, outcome: times out)", "ignore-filters", ["Expected the message", "to time out", "but it succeeded"]),
        ("A rule against UDP from link 1 to link 0 drops what link 1 starts (protocol: UDP, action: drops, outcome: times out)", "ignore-filters", ["Expected the message", "to time out", "but it succeeded"]),
        ("A rule against TCP from link 1 to link 0 rejects what link 1 starts (protocol: TCP, action: rejects, outcome: is refused)", "ignore-filters", ["to be refused", "but it succeeded"]),
        ("A rule against UDP from link 1 to link 0 rejects what link 1 starts (protocol: UDP, action: rejects, outcome: is refused)", "ignore-filters", ["to be refused", "but it succeeded"]),
        ("A rule against ICMP from link 1 to link 0 drops the pings link 1 starts (action: drops, outcome: times out)", "ignore-filters", ["Expected the ping (node 1 pings 192.168.0.2) to time out", "but it succeeded"]),
        ("A rule against ICMP from link 1 to link 0 rejects the pings link 1 starts (action: rejects, outcome: fails)", "ignore-filters", ["Expected the ping (node 1 pings 192.168.0.2) to fail", "but it succeeded"]),
        ("A stateless rule against ICMP from link 1 to link 0 also drops the replies to link 0's pings", "ignore-filters", ["Expected the ping", "to time out", "but it succeeded"]),
        ("A stateless rule against ICMP from link 1 to link 0 also drops the errors about link 0's own traffic", "ignore-filters", ["Expected the message", "to time out", "but it was refused"]),
        ("A guest cannot ping the office", "ignore-filters", ["Expected the ping (node 2 pings 192.168.0.2) to time out", "but it succeeded"]),
        ("A guest cannot connect to the office", "ignore-filters", ["Expected the connection (node 2 connects to 192.168.0.2 port 8080) to time out", "but it succeeded"]),
        ("A guest cannot connect to the office over IPv6 either", "ignore-filters", ["Expected the connection (node 2 connects to 2001:db8::2 port 8080) to time out", "but it succeeded"]),
        ("A rule keeps the tenants apart", "ignore-filters", ["Expected the ping (node 1.10 pings 192.168.20.2) to time out", "but it succeeded"]),
        ("A connection to port 80 is served on port 88 over IPv4 (family: IPv4, server: 192.168.1.2)", "reroute-wrong-port", ["Expected the reply \"via port 80\"", "no reply came", "was refused"]),
        ("A connection to port 80 is served on port 88 over IPv6 (family: IPv6, server: 2001:db8:1::2)", "reroute-wrong-port", ["Expected the reply \"via port 80\" to node 0 sends \"via port 80\" over TCP to 2001:db8:1::2 port 80", "no reply came", "was refused"]),
        ("A connection can be rerouted to another host", "reroute-wrong-port", ["Expected the reply \"elsewhere\"", "no reply came"]),
        ("A UDP port is rerouted too", "reroute-wrong-port", ["Expected the reply \"query\"", "no reply came"]),
        ("A masqueraded TCP client appears as the DUT (protocol: TCP, port: 7)", "forget-masquerade", ["Expected node 1 to receive \"who am I\" from 192.168.1.1", "from 192.168.0.2"]),
        ("A masqueraded UDP client appears as the DUT (protocol: UDP, port: 7)", "forget-masquerade", ["Expected node 1 to receive \"who am I\" from 192.168.1.1", "from 192.168.0.2"]),
        ("A masqueraded ping leaves link 1 from the DUT's address", "forget-masquerade", ["Expected link 1 to carry an ICMP echo request from 192.168.1.1 to 192.168.1.2", "but it carried none", "link1.pcap), as tcpdump -# -n -e -r prints them:\n      1  ", "ethertype IPv4 (0x0800), length 98: 192.168.0.2 > 192.168.1.2: ICMP echo request"]),
        ("A masqueraded client over IPv6 appears as the DUT", "forget-masquerade", ["Expected node 1 to receive \"who am I\" from 2001:db8:1::1", "from 2001:db8::2"]),
        ("Traffic leaving link 1 is held to 1 Mbit/s (rate: 1 Mbit/s)", "no-rate-limit", ["Expected the throughput", "to be 1 Mbit/s within 25%", "but it was"]),
        ("Traffic leaving link 1 is held to 4 Mbit/s (rate: 4 Mbit/s)", "no-rate-limit", ["Expected the throughput", "to be 4 Mbit/s within 25%", "but it was"]),
        ("IPv6 traffic leaving link 1 is held to the limit too", "no-rate-limit", ["Expected the throughput (node 0 measures the TCP throughput to 2001:db8:1::2 for 3 seconds) to be 2 Mbit/s within 25%", "but it was"]),
        ("Requests are spread 1:1 over two backends (ratio: 1:1)", "first-backend-only", ["Expected \"backend A\" and \"backend B\" to answer the requests", "\"backend A\" gave 8 (100%), \"backend B\" 0 (0%)"]),
        ("Requests are spread 3:1 over two backends (ratio: 3:1)", "first-backend-only", ["Expected \"backend A\" and \"backend B\" to answer the requests", "\"backend A\" gave 8 (100%), \"backend B\" 0 (0%)"]),
        ("Requests over IPv6 are spread over two backends", "first-backend-only", ["Expected \"backend A\" and \"backend B\" to answer the requests (node 0 sends 8 HTTP requests to 2001:db8:1::100 port 8080)", "\"backend A\" gave 8 (100%), \"backend B\" 0 (0%)"]),
        ("With forwarding switched off nothing crosses the DUT", "keep-forwarding", ["Expected the ping (node 0 pings 192.168.1.2) to fail", "but it succeeded"]),
        ("With forwarding switched off nothing crosses the DUT over IPv6 either", "keep-forwarding", ["Expected the ping (node 0 pings 2001:db8:1::2) to fail", "but it succeeded"]),
    ];

    /// <summary>The scenarios that only a DUT applying a rule to both families passes: the classic hole (ignore-filters, in the list
    /// above, masks this mutant too).</summary>
    private static readonly (string Scenario, string[] Says)[] ExpectedForgetIpv6 =
    [
        ("Dropped TCP traffic to a port does not cross the DUT over IPv6 (protocol: TCP, port: 8080, family: IPv6, far: 2001:db8:1::2)", ["Expected the message (node 0 sends \"knock\" over TCP to 2001:db8:1::2 port 8080) to time out", "but it succeeded"]),
        ("Dropped UDP traffic to a port does not cross the DUT over IPv6 (protocol: UDP, port: 5353, family: IPv6, far: 2001:db8:1::2)", ["Expected the message", "to time out", "but it succeeded"]),
        ("Dropped ICMP does not cross the DUT over IPv6 either", ["Expected the ping (node 0 pings 2001:db8:1::2) to time out", "but it succeeded"]),
        ("Rejected TCP traffic is answered on the client's link over IPv6 (protocol: TCP, port: 8080, family: IPv6, near: 2001:db8:0::2, far: 2001:db8:1::2, answer: a TCP reset)", ["to be refused", "but it succeeded"]),
        ("Rejected UDP traffic is answered on the client's link over IPv6 (protocol: UDP, port: 5353, family: IPv6, near: 2001:db8:0::2, far: 2001:db8:1::2, answer: an ICMPv6 port unreachable)", ["to be refused", "but it succeeded"]),
        ("Rejected ICMP is answered with an ICMPv6 error (icmp: ICMPv6, dut: 2001:db8:0::1, near: 2001:db8:0::2, far: 2001:db8:1::2)", ["Expected the ping (node 0 pings 2001:db8:1::2) to fail", "but it succeeded"]),
        ("A rule for both families closes SSH over IPv6 too", ["Expected the connection (node 0 connects to 2001:db8:1::2 port 22) to time out", "but it succeeded"]),
        ("A guest cannot connect to the office over IPv6 either", ["Expected the connection (node 2 connects to 2001:db8::2 port 8080) to time out", "but it succeeded"]),
    ];

    /// <summary>The scenarios that only a stateful gateway passes (ignore-filters, in the list above, masks this mutant:
    /// with no rule applied at all they pass).</summary>
    private static readonly (string Scenario, string[] Says)[] ExpectedStateless =
    [
        ("A rule that drops TCP from link 1 to link 0 lets link 0's own TCP traffic and its replies through (protocol: TCP, action: drops)", ["Expected the reply \"hello\"", "no reply came"]),
        ("A rule that drops UDP from link 1 to link 0 lets link 0's own UDP traffic and its replies through (protocol: UDP, action: drops)", ["Expected the reply \"hello\"", "no reply came"]),
        ("A rule that rejects TCP from link 1 to link 0 lets link 0's own TCP traffic and its replies through (protocol: TCP, action: rejects)", ["Expected the reply \"hello\"", "no reply came"]),
        ("A rule that drops ICMP from link 1 to link 0 lets link 0's own pings and their replies through", ["Expected the ping (node 0 pings 192.168.1.2) to succeed", "but it timed out"]),
        ("A rule that drops ICMP from link 1 to link 0 lets the errors about link 0's own traffic through", ["Expected the message", "to be refused", "but it timed out"]),
        ("The office can still ping guests", ["Expected the ping (node 0 pings 192.168.2.2) to succeed", "but it timed out"]),
        ("The office can still connect to a guest's server", ["Expected the reply \"hello guest\"", "no reply came"]),
        ("The office can still connect to a guest's server over IPv6", ["Expected the reply \"hello guest\" to node 0 sends \"hello guest\" over TCP to 2001:db8:2::2 port 8080", "no reply came"]),
    ];

    [Fact]
    public async Task Given_filter_rules_made_stateless_on_purpose_When_the_filtering_features_run_Then_exactly_the_scenarios_of_traffic_started_on_the_open_side_fail()
    {
        var reports = TestPaths.SelfTestReports("stateless", fresh: true);

        var result = await SuiteProcess.RunAsync(TestPaths.SpecsAssembly,
            new Dictionary<string, string>
            {
                ["ALPY_DUT_MUTANTS"] = "stateless-filters",
                ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"),
                ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Path.Combine(reports, "messages.ndjson")}",
            },
            ["-trait", "Category=filtering"], TimeSpan.FromMinutes(20), TestContext.Current.CancellationToken);

        result.Scenarios.Should().HaveCountGreaterThanOrEqualTo(20, "the filtering features ran");
        result.Failed.Should().BeEquivalentTo(ExpectedStateless.Select(e => e.Scenario),
            "a stateless rule stops the replies of what the other side started, and nothing else changes.\n{0}",
            string.Join("\n", result.Scenarios.Where(s => s.Result == "Fail").Select(s => $"{s.Name}: {s.Message}")));
        foreach (var (scenario, says) in ExpectedStateless)
        {
            var message = result.Scenario(scenario).Message;
            foreach (var words in says)
                message.Should().Contain(words, $"the failure of \"{scenario}\" says what was expected and what was seen");
        }

        result.Passed.Should().HaveCount(result.Scenarios.Count - ExpectedStateless.Length, "nothing else fails or is skipped");
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    [Fact]
    public async Task Given_filter_rules_applied_to_IPv4_only_on_purpose_When_the_filtering_features_run_Then_exactly_the_scenarios_of_IPv6_traffic_a_rule_must_stop_fail()
    {
        var reports = TestPaths.SelfTestReports("forget-ipv6", fresh: true);

        var result = await SuiteProcess.RunAsync(TestPaths.SpecsAssembly,
            new Dictionary<string, string>
            {
                ["ALPY_DUT_MUTANTS"] = "forget-ipv6",
                ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"),
                ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Path.Combine(reports, "messages.ndjson")}",
            },
            ["-trait", "Category=filtering"], TimeSpan.FromMinutes(20), TestContext.Current.CancellationToken);

        result.Scenarios.Should().HaveCountGreaterThanOrEqualTo(30, "the filtering features ran");
        result.Failed.Should().BeEquivalentTo(ExpectedForgetIpv6.Select(e => e.Scenario),
            "a rule that covers IPv4 alone leaves IPv6 open (the classic hole), and nothing else changes.\n{0}",
            string.Join("\n", result.Scenarios.Where(s => s.Result == "Fail").Select(s => $"{s.Name}: {s.Message}")));
        foreach (var (scenario, says) in ExpectedForgetIpv6)
        {
            var message = result.Scenario(scenario).Message;
            foreach (var words in says)
                message.Should().Contain(words, $"the failure of \"{scenario}\" says what was expected and what was seen");
        }

        result.Passed.Should().Contain("A rule written for IPv4 leaves SSH over IPv6 open", "the twin: a rule that names IPv4 is meant to leave IPv6 open");
        result.Passed.Should().HaveCount(result.Scenarios.Count - ExpectedForgetIpv6.Length, "nothing else fails or is skipped");
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    [Fact]
    public async Task Given_a_DUT_configured_wrongly_on_purpose_When_the_whole_suite_runs_Then_exactly_the_scenarios_that_depend_on_it_fail_and_say_why()
    {
        var reports = TestPaths.SelfTestReports("mutants", fresh: true);

        var result = await SuiteProcess.RunAsync(TestPaths.SpecsAssembly,
            new Dictionary<string, string>
            {
                ["ALPY_DUT_MUTANTS"] = "all",
                ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"),
                ["REQNROLL_FORMATTERS_MESSAGE"] = $"outputFilePath={Path.Combine(reports, "messages.ndjson")}",
            },
            [], TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);

        result.Scenarios.Should().HaveCountGreaterThanOrEqualTo(25, "the whole suite ran");
        result.Failed.Should().BeEquivalentTo(Expected.Select(e => e.Scenario),
            "exactly the scenarios that depend on the mutated behaviours fail; the others (the twins among them) pass.\n{0}",
            string.Join("\n", result.Scenarios.Where(s => s.Result == "Fail").Select(s => $"{s.Name}: {s.Message}")));
        foreach (var (scenario, mutant, says) in Expected)
        {
            var message = result.Scenario(scenario).Message;
            foreach (var words in says)
                message.Should().Contain(words, $"the failure of \"{scenario}\" (mutant {mutant}) says what was expected and what was seen");
        }

        result.Passed.Should().HaveCount(result.Scenarios.Count - Expected.Length, "nothing else fails or is skipped");
        await ExpectEvidenceAsync(Path.Combine(reports, "messages.ndjson"));
        Directory.EnumerateFiles(Path.Combine(reports, "runs"), "link*.pcap", SearchOption.TopDirectoryOnly).Concat(
                Directory.EnumerateDirectories(Path.Combine(reports, "runs")).SelectMany(lab => Directory.EnumerateFiles(lab, "link*.pcap")))
            .Should().BeEmpty("the labs' whole-run pcaps go with their labs by default (ALPY_KEEP_CAPTURES); the failed scenarios' own frames are in their evidence");
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    /// <summary>A failed scenario carries the console excerpt, each link's pcap and text excerpt, and the app logs; a passed one its link excerpts.</summary>
    private static async Task ExpectEvidenceAsync(string stream)
    {
        var attachments = await ScenarioAttachments.ReadAsync(stream);

        var failed = attachments["Dropped ICMP does not cross the DUT"];
        failed.Select(a => a.FileName).Should().Contain(["links.txt", "link0.pcap", "link1.pcap", "dut-console.txt", "apps.txt"]);
        failed.Single(a => a.FileName == "link0.pcap").Content.Take(4).Should().Equal([0xd4, 0xc3, 0xb2, 0xa1], "the pcap is a classic little-endian pcap");
        failed.Single(a => a.FileName == "link0.pcap").MediaType.Should().Be("application/vnd.tcpdump.pcap");
        failed.Single(a => a.FileName == "links.txt").Text.Should().Contain("== link 1:").And.Contain("as tcpdump -# -n -e -r prints them\n      1  ")
            .And.Contain("ethertype IPv4 (0x0800), length 98: 192.168.0.2 > 192.168.1.2: ICMP echo request").And.Contain("\n== link 1:", "each link's text begins on a line of its own");
        failed.Single(a => a.FileName == "dut-console.txt").Text.Should().Contain("DUT console since the scenario started");
        failed.Single(a => a.FileName == "apps.txt").Text.Should().Contain("argv: /usr/bin/ping -n -c 1").And.Contain("exit code 0");

        var passed = attachments["Without the rule the same TCP traffic crosses over IPv4"];
        passed.Select(a => a.FileName).Should().Contain("links.txt").And.NotContain("link0.pcap", "a passing scenario keeps its evidence short");
    }
}
