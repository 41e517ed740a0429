using System.Text.RegularExpressions;
using Alpy.Lab.Links;
using Alpy.Lab.Naming;
using Alpy.Lab.Runs;
using Alpy.Lab.Topology;

namespace Alpy.Lab.Tests.Naming;

public sealed class LabNamesTests
{
    [Fact]
    public void Given_the_largest_topology_When_taps_are_named_Then_every_name_fits_linux_and_carries_the_run()
    {
        var run = RunId.Parse("abc123");
        var vlans = Enumerable.Range(1, LabTopology.MaxVlansPerLink)
            .Select(v => new VlanSpec { Id = 4000 + v, Ipv4 = SubnetPlan.Parse($"10.{v}.0.0/24", $"10.{v}.0.1", $"10.{v}.0.2") }).ToList();
        var topology = LabTopology.WithLinks(LabTopology.MaxLinks);
        topology = topology with { Links = [topology.Links[0] with { Vlans = [.. vlans] }, .. topology.Links.Skip(1)] };

        var plan = new TapPlan(topology.Validate(), new LabNames(run));
        var all = plan.LinkTaps.Concat(plan.VlanTaps.Values).ToList();

        all.Should().OnlyHaveUniqueItems().And.OnlyContain(t => t.Length <= 15 && Regex.IsMatch(t, LabNames.TapPattern));
        plan.LinkTaps[0].Should().Be("alpyabc123t0");
        plan.VlanTaps[(0, 4001)].Should().Be("alpyabc123t16");
    }

    [Fact]
    public void Given_names_When_made_Then_containers_start_with_the_run_and_unique_ones_differ()
    {
        var names = new LabNames(RunId.Parse("abc123"));

        names.Container("node0").Should().Be("alpy-abc123-node0");
        names.Unique("app").Should().NotBe(names.Unique("app")).And.StartWith("alpy-abc123-app-");
    }
}
