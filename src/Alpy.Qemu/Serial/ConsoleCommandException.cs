namespace Alpy.Qemu.Serial;

/// <summary>A command on the console's shell exited with a non-zero code where success was required
/// (<see cref="CommandResult.EnsureSuccess"/>).</summary>
public sealed class ConsoleCommandException : SerialConsoleException
{
    private const int OutputLines = 20;

    public ConsoleCommandException(CommandResult result)
        : base(Describe(result), LastLines(result.Output))
    {
        Result = result;
    }

    public CommandResult Result { get; }

    private static string Describe(CommandResult result) =>
        $"The command `{result.Command}` exited with code {result.ExitCode} on the console." +
        Evidence.Block($"Its output (last {OutputLines} lines)", LastLines(result.Output));

    private static string LastLines(string output)
    {
        var lines = output.TrimEnd('\n').Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - OutputLines)));
    }
}
