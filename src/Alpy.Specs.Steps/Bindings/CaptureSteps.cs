using Reqnroll;
using Alpy.Specs.Steps.Catalogue;
using Alpy.Specs.Steps.Frames;
using Alpy.Specs.Steps.Scenario;
using Alpy.Specs.Steps.Values;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>
/// Verdicts on the frames a link carried since the scenario started (QEMU captures every frame of every link).
/// The domain words are sugar over a tcpdump (BPF) filter; the filter steps take one directly.
/// </summary>
[Binding]
public sealed class CaptureSteps(ScenarioLab lab, ScenarioCancellation cancellation)
{
    /// <summary>The scenario's token: the lab's waits stop when the run is cancelled (Reqnroll passes no CancellationToken to steps).</summary>
    private CancellationToken Token => cancellation.Token;

    private const string Section = "Captured frames";

    [Then("link {link} carries {frames}")]
    [StepDoc("The link carried such frames since the scenario started. Words: " + FrameDescription.Grammar + ".", Section = Section,
        Example = "Then link 1 carries a TCP SYN to 192.168.1.2 port 88", Ipv6Example = "Then link 1 carries an ICMPv6 echo request to 2001:db8:1::2 with hop limit 63")]
    public Task ThenLinkCarries(LinkRef link, FrameQuery frames) =>
        CheckAsync(link, frames, Token);

    [Then("link {link} carries a frame matching {string}")]
    [StepDoc("The link carried at least one frame matching a tcpdump filter since the scenario started.", Section = Section,
        Example = "Then link 1 carries a frame matching \"vlan 20 and icmp\"")]
    public Task ThenLinkCarriesAFrameMatching(LinkRef link, string filter) =>
        CheckAsync(link, Filter(filter, Quantity.AtLeastOne), Token);

    [Then("link {link} carries no frame matching {string}")]
    [StepDoc("The link carried no frame matching a tcpdump filter since the scenario started.", Section = Section,
        Example = "Then link 1 carries no frame matching \"tcp port 8080\"")]
    public Task ThenLinkCarriesNoFrameMatching(LinkRef link, string filter) =>
        CheckAsync(link, Filter(filter, Quantity.NoFrame), Token);

    [Then("link {link} carries {int} frame(s) matching {string}")]
    [StepDoc("The link carried exactly this many frames matching a tcpdump filter since the scenario started.", Section = Section,
        Example = "Then link 0 carries 2 frames matching \"icmp[icmptype] == icmp-echo\"")]
    public Task ThenLinkCarriesFramesMatching(LinkRef link, int count, string filter) =>
        CheckAsync(link, Filter(filter, new Quantity(QuantityKind.Exactly, Count.Frames(count))), Token);

    private Task CheckAsync(LinkRef link, FrameQuery frames, CancellationToken cancellationToken) =>
        CaptureCheck.AssertAsync(lab.Lease.Captures, lab.Link(link), frames, lab.Settings.FrameTimeout, cancellationToken);

    private static FrameQuery Filter(string filter, Quantity quantity)
    {
        if (string.IsNullOrWhiteSpace(filter) || filter.Length > 1000 || filter.Any(char.IsControl))
            throw StepValueException.Invalid(filter, "a tcpdump filter", "write a libpcap filter expression of at most 1000 characters on one line, e.g. \"tcp dst port 88\".");
        return new FrameQuery($"frames matching \"{filter}\"", filter, quantity);
    }
}
