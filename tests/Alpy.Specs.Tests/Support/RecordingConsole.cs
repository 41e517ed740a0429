using Alpy.Qemu.Serial;
using Alpy.Specs.Steps.Dut;

namespace Alpy.Specs.Tests.Support;

/// <summary>A DUT console that records every command line and answers with a chosen exit code and output.</summary>
internal sealed class RecordingConsole(int exitCode = 0, string output = "") : IDutConsole
{
    public List<string> Commands { get; } = [];

    public Task<CommandResult> RunAsync(string command, CancellationToken cancellationToken = default)
    {
        Commands.Add(command);
        return Task.FromResult(new CommandResult(command, exitCode, output, TimeSpan.FromMilliseconds(1)));
    }
}
