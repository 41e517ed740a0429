using Alpy.Reports.Attachments;

namespace Alpy.Reports.Tests.Support;

/// <summary>Writes real reports (the production pipeline) from fake or CCK streams.</summary>
internal static class TestReports
{
    public static Task<ReportResult> WriteAsync(string stream, string reportsDirectory, string runId = "test-run", AttachmentPolicy? policy = null) =>
        new ReportBuilder().BuildAsync(new ReportRequest
        {
            Streams = [stream],
            ReportsDirectory = reportsDirectory,
            RunId = runId,
            Attachments = policy ?? AttachmentPolicy.Default,
        }, TestContext.Current.CancellationToken);

    /// <summary>The lab-like suite with big evidence: a 1 MiB pcap (leaves the page) and a short capture excerpt (stays).</summary>
    public static FakeSuite SuiteWithEvidence(byte[] pcap)
    {
        var failing = new FakeScenario("ICMP through the DUT is blocked",
        [
            new FakeStep("Given ", "the DUT drops ICMP from node0"),
            new FakeStep("When ", "node0 pings node1", Attachments: [FakeAttachment.Text("PING 192.168.2.2: 56 data bytes\n", "text/x.cucumber.log+plain")]),
            new FakeStep("Then ", "the ping fails", "FAILED", "expected exit code 1 from 'ping -c 1 192.168.2.2' in app container alpy-app-7, got 0",
                [FakeAttachment.Text("12:00:01.000000 IP 192.168.1.2 > 192.168.2.2: ICMP echo request, id 7, seq 1, length 64\n", "text/plain", "link0.txt"),
                 new FakeAttachment("application/vnd.tcpdump.pcap", pcap, "link0.pcap")]),
        ], ["@firewall"]);
        var passing = new FakeScenario("Ping the DUT",
        [
            new FakeStep("Given ", "the lab is up"),
            new FakeStep("When ", "node0 pings the DUT"),
            new FakeStep("Then ", "the ping succeeds"),
        ], ["@smoke"]);
        var undefined = new FakeScenario("Rate limit",
        [
            new FakeStep("Given ", "a rate limit of 1 Mbit/s", "UNDEFINED"),
            new FakeStep("Then ", "iperf measures at most 1 Mbit/s", "SKIPPED"),
        ]);
        return new FakeSuite(
        [
            new FakeFeature("features/firewall.feature", "Firewall", [failing, passing], "The DUT filters traffic between its links."),
            new FakeFeature("features/shaping.feature", "Traffic shaping", [undefined], "The DUT limits rates."),
        ]);
    }
}
