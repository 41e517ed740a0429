namespace Alpy.Qemu.Serial;

/// <summary>What a command run on a console's shell did: its exit code, its output (stdout and stderr as the
/// terminal showed them, "\r\n" turned into "\n") and how long the round trip took.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Returns this result if the exit code is 0; otherwise throws <see cref="ConsoleCommandException"/>
    /// with the command, its exit code and the end of its output.</summary>
    public CommandResult EnsureSuccess() => Succeeded ? this : throw new ConsoleCommandException(this);
}
