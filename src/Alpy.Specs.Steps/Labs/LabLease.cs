using Alpy.Lab.Topology;
using Alpy.Specs.Steps.Dut;

namespace Alpy.Specs.Steps.Labs;

/// <summary>A scenario's hold on a lab: the lab, its driver, the scenario's capture window and console position.</summary>
public sealed class LabLease
{
    internal LabLease(PooledLab entry, string story, TimeSpan overhead)
    {
        Entry = entry;
        Story = story;
        Overhead = overhead;
        Captures = new ScenarioCaptures(entry.Captures);
        ConsoleOffset = File.Exists(entry.ConsoleLog) ? new FileInfo(entry.ConsoleLog).Length : 0;
    }

    public Alpy.Lab.Lab Lab => Entry.Lab;

    public LabTopology Topology => Entry.Lab.Topology;

    /// <summary>The driver that configures this lab's DUT.</summary>
    public IDutDriver Driver => Entry.Driver;

    /// <summary>The scenario's window on each link.</summary>
    public ScenarioCaptures Captures { get; }

    /// <summary>The DUT console log and where the scenario's part of it begins.</summary>
    public string ConsoleLog => Entry.ConsoleLog;

    public long ConsoleOffset { get; }

    /// <summary>How the scenario got the lab: "booted in 11.2 s" or "shared (scenario 3 on it), reset in 0.18 s".</summary>
    public string Story { get; }

    /// <summary>What getting the lab cost beyond a boot (reset, marks): the shared lab's per-scenario overhead.</summary>
    public TimeSpan Overhead { get; }

    internal PooledLab Entry { get; }

    internal bool Released { get; set; }
}
