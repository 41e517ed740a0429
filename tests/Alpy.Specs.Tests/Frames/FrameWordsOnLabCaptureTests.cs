using System.Diagnostics;
using Alpy.Capture;
using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Frames;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Settings;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Frames;

/// <summary>
/// The frame words against tcpdump on the pcaps a dual-stack lab wrote: real IPv4 and IPv6 traffic across Rabbit (pings, an
/// expired hop limit, a refused TCP connection, UDP to a closed port, neighbour discovery), then every description's filter
/// selects exactly the frames tcpdump selects with it, and the words expected on a link find frames there (so the comparison
/// is not of two empty sets) while the words of the other family find none.
/// </summary>
[Trait("Category", "integration")]
public sealed class FrameWordsOnLabCaptureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Link, words, and whether the traffic below puts such frames on that link.</summary>
    public static TheoryData<int, string, bool> Words => new()
    {
        { 1, "an ICMPv6 echo request from 2001:db8::2 to 2001:db8:1::2 with hop limit 63", true },
        { 0, "an ICMPv6 echo request to 2001:db8:1::2 with hop limit 64", true },
        { 0, "an ICMPv6 echo reply from 2001:db8:1::2 to 2001:db8::2", true },
        { 0, "an ICMPv6 time exceeded from 2001:db8::1 to 2001:db8::2", true },
        { 1, "a TCP SYN from 2001:db8::2 to [2001:db8:1::2] port 22", true },
        { 0, "a TCP reset from 2001:db8:1::2 port 22", true },
        { 1, "a UDP packet to 2001:db8:1::2 port 7", true },
        { 0, "an ICMPv6 port unreachable from 2001:db8:1::2 to 2001:db8::2", true },
        { 0, "an ICMPv6 unreachable", true },
        { 1, "a neighbour solicitation", true },
        { 1, "a neighbour advertisement", true },
        { 0, "ICMPv6 packets", true },
        { 0, "IPv6 packets", true },
        { 1, "traffic from 2001:db8::2", true },
        { 0, "an ICMP echo request to 192.168.1.2 with TTL 64", true },
        { 1, "an ICMP echo request to 192.168.1.2 with TTL 63", true },
        { 1, "a TCP SYN to 192.168.1.2 port 22", true },
        { 0, "an ICMPv6 administratively prohibited", false },
        { 1, "an ICMPv6 echo request with hop limit 64", false },
        { 0, "an ICMP echo request to 192.168.9.9", false },
        { 1, "a TCP SYN tagged with VLAN 10", false },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public async Task Given_dual_stack_traffic_across_Rabbit_When_frame_words_select_frames_of_the_link_pcap_Then_they_are_the_frames_tcpdump_selects(
        int link, string words, bool present)
    {
        var pcap = await Capture.Value.WaitAsync(Token);
        var filter = FrameDescription.Parse(words).Filter;

        var selected = CaptureWindow.Load(pcap[link]).Matching(filter);
        var tcpdump = await TcpdumpTimesAsync(pcap[link], filter);

        selected.Select(f => f.TimestampNanoseconds / 1000).Should().Equal(tcpdump, $"the words \"{words}\" are the BPF {filter}");
        if (present)
            selected.Should().NotBeEmpty($"the traffic put \"{words}\" on link {link}");
        else
            selected.Should().BeEmpty($"no traffic made \"{words}\" on link {link}");
    }

    /// <summary>One lab run for all the words (a boot under TCG costs seconds): its link pcaps, read after the lab is gone.</summary>
    private static readonly Lazy<Task<string[]>> Capture = new(MakeCaptureAsync);

    private static async Task<string[]> MakeCaptureAsync()
    {
        // KeepCaptures: the words are compared on the lab's whole-run pcaps, which a lab otherwise deletes at its teardown.
        var settings = new SuiteSettings
        {
            ArtifactsDirectory = Path.Combine(TestPaths.SelfTestReports("frame-words", fresh: true), "runs"),
            KeepCaptures = true,
        };
        string folder;
        await using (var pool = new LabPool(settings, new RabbitAppliance()))
        {
            var lease = await pool.AcquireAsync(LabTopology.WithLinks(2, ipv6: true), "frame words", CancellationToken.None);
            var lab = lease.Lab;
            folder = lab.Folder.Path;
            string[][] traffic =
            [
                ["ping", "-c", "1", "-W", "2", "-t", "64", "192.168.1.2"],
                ["ping", "-6", "-c", "1", "-W", "2", "-t", "64", "2001:db8:1::2"],
                ["ping", "-6", "-c", "1", "-W", "2", "-t", "1", "2001:db8:1::2"],
                ["socat", "-u", "OPEN:/dev/null", "TCP:[2001:db8:1::2]:22,connect-timeout=2"],
                ["socat", "-u", "OPEN:/dev/null", "TCP:192.168.1.2:22,connect-timeout=2"],
                ["sh", "-c", "echo hi | socat -u - UDP:[2001:db8:1::2]:7; sleep 0.5"],
            ];
            foreach (var argv in traffic)
                await lab.RunAsync(lab.Node(0), argv, cancellationToken: CancellationToken.None);
            await pool.ReleaseAsync(lease, failed: false, "");
        }

        await SelfTestTrash.AssertNoneLeftAsync(SelfTestTrash.RunsUnder(settings.ArtifactsDirectory));
        return [Path.Combine(folder, "link0.pcap"), Path.Combine(folder, "link1.pcap")];
    }

    /// <summary>The times (µs since the epoch) of the frames <c>tcpdump -r PCAP FILTER</c> prints.</summary>
    private static async Task<IReadOnlyList<long>> TcpdumpTimesAsync(string pcap, string filter)
    {
        using var process = Process.Start(new ProcessStartInfo("tcpdump", ["-n", "-tt", "-r", pcap, filter])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("tcpdump did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(Token);
        var error = await process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        process.ExitCode.Should().Be(0, $"tcpdump reads {pcap} with {filter}: {error}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (long)(decimal.Parse(line.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000))];
    }
}
