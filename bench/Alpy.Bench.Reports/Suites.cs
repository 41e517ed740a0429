using Alpy.Reports.Tests.Support;

namespace Alpy.Bench.Reports;

/// <summary>Fake suites shaped like the lab's: features of 10 scenarios, 5 steps each, failing ones with evidence.</summary>
internal static class Suites
{
    public static FakeSuite Make(int scenarios, int failing, int pcapBytes)
    {
        var pcap = new byte[pcapBytes];
        new Random(42).NextBytes(pcap);
        var every = failing == 0 ? int.MaxValue : Math.Max(1, scenarios / failing);
        var list = Enumerable.Range(0, scenarios).Select(i =>
        {
            var fails = i % every == 0 && i / every < failing;
            var evidence = fails && pcapBytes > 0
                ? new[] { FakeAttachment.Text(string.Concat(Enumerable.Repeat($"12:00:01.{i:D6} IP 192.168.1.2 > 192.168.2.2: ICMP echo request, id {i}, seq 1, length 64\n", 20)), "text/plain", "link0.txt"),
                          new FakeAttachment("application/vnd.tcpdump.pcap", pcap, "link0.pcap") }
                : null;
            return new FakeScenario($"Scenario {i}",
            [
                new FakeStep("Given ", "the lab is up"),
                new FakeStep("And ", $"the DUT forwards between link 0 and link 1 ({i})"),
                new FakeStep("When ", "node0 pings node1", Attachments: [FakeAttachment.Text($"PING 192.168.2.2 ({i}): 56 data bytes\n", "text/x.cucumber.log+plain")]),
                new FakeStep("Then ", "the ping succeeds", fails ? "FAILED" : "PASSED", fails ? "expected exit code 0, got 1" : null, evidence),
                new FakeStep("And ", "link 1 saw an echo request", fails ? "SKIPPED" : "PASSED"),
            ]);
        }).ToList();

        return new FakeSuite(list.Chunk(10).Select((chunk, f) => new FakeFeature($"features/f{f:D4}.feature", $"Feature {f}", chunk)).ToList());
    }
}
