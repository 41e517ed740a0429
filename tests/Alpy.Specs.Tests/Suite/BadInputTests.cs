using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Suite;

/// <summary>
/// Bad input through the real runner, step library and lab: the fixture suite (Fixtures/BadInput) has one bad step per
/// scenario. Each must fail with a message that names the step (with its file:line) and the bad value, and the run
/// must go on to the scenarios after it.
/// </summary>
[Trait("Category", "integration")]
public sealed class BadInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_scenarios_with_bad_steps_When_the_suite_runs_Then_each_fails_at_its_step_quoting_the_value_and_the_good_one_passes()
    {
        var reports = TestPaths.SelfTestReports("bad-input", fresh: true);
        var result = await SuiteProcess.RunAsync(TestPaths.BadInputAssembly,
            new Dictionary<string, string> { ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"), ["ALPY_FIXTURE_OUT"] = reports },
            ["-trait", "Category=bad-input"], TimeSpan.FromMinutes(10), Token);
        var steps = await StepOutcomes.ReadAsync(Path.Combine(reports, "messages.ndjson"));

        // Reqnroll's own undefined status, with a step definition to paste
        var unknown = result.Scenario("An unknown step");
        unknown.Result.Should().Be("Fail", "an undefined step fails its scenario");
        unknown.Message.Should().Contain("No matching step definition found").And.Contain("[When(\"node {int} pings").And.Contain("very loudly\")]");
        steps["An unknown step"][0].Should().Be(new StepOutcome("UNDEFINED", "node 0 pings 192.168.1.2 very loudly", "features/bad-input.feature:14", ""));

        Expect(result, steps, "A malformed address", "features/bad-input.feature:18", "node 0 pings 192.168.1.300", "\"192.168.1.300\" is not an IPv4 address");
        Expect(result, steps, "A malformed port", "features/bad-input.feature:22", "node 1 listens on TCP port 70000", "\"70000\" is not a port");
        Expect(result, steps, "An unknown link", "features/bad-input.feature:26", "link 7 carries an ICMP echo request", "There is no link 7 in this scenario's topology; it has links 0 to 2");
        Expect(result, steps, "An unknown node", "features/bad-input.feature:29", "node 3 pings 192.168.1.2", "There is no node 3 in this scenario's topology; its nodes are node 0, node 1, node 2");
        Expect(result, steps, "A rate in bytes", "features/bad-input.feature:32", "the DUT limits traffic leaving link 1 to 2 MB/s", "rates are in bits, not bytes");
        Expect(result, steps, "A malformed frame description", "features/bad-input.feature:36", "link 1 carries a TCP SYN to 192.168.1.2 port 99999", "\"99999\" is not a port");
        Expect(result, steps, "A malformed tcpdump filter", "features/bad-input.feature:40", "link 1 carries a frame matching \"icmp and and\"", "is not a tcpdump filter libpcap accepts");
        Expect(result, steps, "A rule that points outside the lab", "features/bad-input.feature:43", "the DUT reroutes TCP port 80 to 10.0.0.1 port 88", "10.0.0.1 is outside the lab's subnets");
        Expect(result, steps, "A verdict before any traffic", "features/bad-input.feature:46", "the ping succeeds", "There is no ping to judge");
        Expect(result, steps, "An IPv6 address with a typo", "features/bad-input.feature:49", "node 0 pings 2001:db8:1::g", "\"2001:db8:1::g\" is not an IPv6 address", "e.g. 2001:db8:1::2");
        Expect(result, steps, "An address with a zone index", "features/bad-input.feature:52", "node 0 pings fe80::1%eth0", "\"fe80::1%eth0\" is not an address the lab can use", "zone index");
        Expect(result, steps, "An IPv6 address on an IPv4-only link", "features/bad-input.feature:55", "node 0 pings 2001:db8:1::2",
            "node 0 cannot send to the IPv6 address 2001:db8:1::2: node 0's link 0 is IPv4-only in this scenario's topology (192.168.0.0/24)", "give it an IPv6 row in the links table");
        Expect(result, steps, "An IPv6 host the topology does not have", "features/bad-input.feature:58", "host 2001:db8:1::2 listens on TCP port 7",
            "No node holds 2001:db8:1::2 in this scenario's topology; its hosts are 192.168.0.2 (node 0), 192.168.1.2 (node 1), 2001:db8:2::2 (node 2)");
        Expect(result, steps, "Frame words of both families", "features/bad-input.feature:62", "link 1 carries an ICMPv6 echo request to 192.168.1.2",
            "it mixes the families: 192.168.1.2 is IPv4, ICMPv6 echo request is IPv6");
        Expect(result, steps, "An IPv4 address from an IPv6-only link", "features/bad-input.feature:65", "node 2 pings 192.168.1.2",
            "node 2 cannot send to the IPv4 address 192.168.1.2: node 2's link 2 is IPv6-only in this scenario's topology (2001:db8:2::/64)", "give it an IPv4 row in the links table");
        result.Scenario("A good scenario after the bad ones").Result.Should().Be("Pass", "the run goes on after bad input: {0}", result.Scenario("A good scenario after the bad ones").Message);
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    [Fact]
    public async Task Given_a_DUT_that_does_not_boot_When_the_suite_runs_Then_its_scenarios_fail_with_the_DUTs_reason_once_and_the_run_goes_on()
    {
        var reports = TestPaths.SelfTestReports("broken-dut", fresh: true);
        var result = await SuiteProcess.RunAsync(TestPaths.BadInputAssembly,
            new Dictionary<string, string>
            {
                ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"),
                ["ALPY_FIXTURE_OUT"] = reports,
                ["ALPY_FIXTURE_DUT"] = "broken",
            },
            ["-trait", "Category=broken-dut"], TimeSpan.FromMinutes(10), Token);
        var steps = await StepOutcomes.ReadAsync(Path.Combine(reports, "messages.ndjson"));

        // The scenarios run in file order (FeatureFileOrder): the first fails with the boot, the second at once.
        Expect(result, steps, "The DUT does not boot", "features/broken-dut.feature:7", "the DUT has 2 links", "The lab did not come up", "rabbit: failed: rabbit.route", "no-gateway");
        Expect(result, steps, "The same DUT is not booted again", "features/broken-dut.feature:11", "the DUT has 2 links",
            "did not come up earlier in this run, so it is not tried again", "rabbit: failed: rabbit.route");
        result.Scenario("A scenario that needs no lab").Result.Should().Be("Pass", "the run goes on");
        SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")).Should().ContainSingle("the DUT is booted once, not once per scenario");
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    [Fact]
    public async Task Given_a_DUT_that_is_killed_during_a_scenario_When_the_suite_runs_Then_that_scenario_fails_saying_the_lab_broke_and_the_next_gets_a_new_lab()
    {
        var reports = TestPaths.SelfTestReports("crashing-dut", fresh: true);
        var result = await SuiteProcess.RunAsync(TestPaths.BadInputAssembly,
            new Dictionary<string, string> { ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"), ["ALPY_FIXTURE_OUT"] = reports },
            ["-trait", "Category=crashing-dut"], TimeSpan.FromMinutes(10), Token);
        var steps = await StepOutcomes.ReadAsync(Path.Combine(reports, "messages.ndjson"));

        Expect(result, steps, "The DUT crashes while a node pings across it", "features/crashing-dut.feature:12", "node 0 pings 192.168.1.2 6 times",
            "The lab broke during this scenario: the DUT rabbit died: QEMU (pid", "was killed by signal 9 (SIGKILL) at",
            "s into the scenario, during step \"When node 0 pings 192.168.1.2 6 times\"", "not a verdict on the DUT's configuration", "DUT console (last lines)");
        result.Scenario("The DUT crashes while a node pings across it").Message.Should().NotContain("timed out", "the symptom is not the message");
        result.Scenario("The next scenario gets a new lab").Result.Should().Be("Pass", "the broken lab is replaced: {0}", result.Scenario("The next scenario gets a new lab").Message);
        SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")).Should().HaveCount(2, "the second scenario booted a new lab");
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    [Fact]
    public async Task Given_a_node_container_that_dies_during_a_scenario_When_the_suite_runs_Then_that_scenario_fails_naming_the_node_and_the_next_gets_a_new_lab()
    {
        var reports = TestPaths.SelfTestReports("crashing-node", fresh: true);
        var result = await SuiteProcess.RunAsync(TestPaths.BadInputAssembly,
            new Dictionary<string, string> { ["ALPY_ARTIFACTS"] = Path.Combine(reports, "runs"), ["ALPY_FIXTURE_OUT"] = reports },
            ["-trait", "Category=crashing-node"], TimeSpan.FromMinutes(10), Token);
        var steps = await StepOutcomes.ReadAsync(Path.Combine(reports, "messages.ndjson"));

        Expect(result, steps, "Node 1 dies before node 0 pings it", "features/crashing-node.feature:11", "node 0 pings 192.168.1.2",
            "The lab broke during this scenario: node 1's container alpy-", "-node1 exited (code 137) at",
            "s into the scenario, during step \"Given node 1's container dies\"", "node 1's network namespace");
        result.Scenario("Node 1 dies before node 0 pings it").Message.Should().NotContain("timed out", "the symptom is not the message");
        result.Scenario("The next scenario gets a new lab after the node died").Result.Should().Be("Pass", "the broken lab is replaced: {0}",
            result.Scenario("The next scenario gets a new lab after the node died").Message);
        SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")).Should().HaveCount(2, "the second scenario booted a new lab");
        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(Path.Combine(reports, "runs")));
    }

    /// <summary>
    /// The scenario failed in xUnit with a message that says what is wrong with the value; Reqnroll's trace in the test
    /// output names the step that failed; and in the report (the message stream) exactly that step, at its file:line,
    /// is FAILED with the same message, the steps after it skipped.
    /// </summary>
    private static void Expect(SuiteResult result, IReadOnlyDictionary<string, List<StepOutcome>> steps, string scenario, string location, string step, params string[] says)
    {
        var outcome = result.Scenario(scenario);
        outcome.Result.Should().Be("Fail", $"scenario \"{scenario}\" has bad input");
        outcome.Output.Should().Contain(step).And.Contain("-> error:", $"Reqnroll's trace of \"{scenario}\" shows the failing step");
        foreach (var words in says)
            outcome.Message.Should().Contain(words, $"the message of \"{scenario}\" says what is wrong with the value");
        steps.Should().ContainKey(scenario);
        var failed = steps[scenario][0];
        failed.Status.Should().Be("FAILED", scenario);
        failed.Text.Should().Be(step, $"the report marks the step of \"{scenario}\" that failed");
        failed.Location.Should().Be(location, "the report says where the step is");
        failed.Message.Should().Contain(says[0]);
        steps[scenario].Skip(1).Where(s => s.Status != "SKIPPED").Should().BeEmpty("the steps after the failed one are skipped");
    }
}
