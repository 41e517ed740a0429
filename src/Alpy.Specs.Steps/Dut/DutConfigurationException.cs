using Alpy.Qemu.Serial;

namespace Alpy.Specs.Steps.Dut;

/// <summary>The DUT did not accept a configuration: names the rule, the command, its exit code and output.</summary>
public sealed class DutConfigurationException : Exception
{
    public DutConfigurationException(string message)
        : base(message)
    {
    }

    public DutConfigurationException()
    {
    }

    public DutConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static DutConfigurationException Refused(string driver, string what, CommandResult result) => new(
        $"The DUT ({driver}) did not accept \"{what}\": the command exited with {result.ExitCode}.\n"
        + $"  command: {result.Command}\n  output:  {result.Output.Trim().Replace("\n", "\n           ", StringComparison.Ordinal)}\n"
        + "Check that the DUT image has what the rule needs (see docs/dut.md, Capabilities), or fix the driver.");
}
