namespace Alpy.Specs.Steps.Dut;

/// <summary>What a filter rule does with the traffic it names.</summary>
public enum FilterAction
{
    /// <summary>Discard silently: the sender waits in vain.</summary>
    Drop,

    /// <summary>Discard and answer: a TCP reset for TCP, an ICMP port unreachable otherwise.</summary>
    Reject,
}
