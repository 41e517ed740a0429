namespace Alpy.Docker;

/// <summary>A command to run in a running container (<c>docker exec</c>); argv, never a shell string.</summary>
public sealed record ExecSpec
{
    /// <summary>The command's argv.</summary>
    public required IReadOnlyList<string> Cmd { get; init; }

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    /// <summary>Allocates a terminal; the output is then one raw stream.</summary>
    public bool Tty { get; init; }

    /// <summary>Checks the argv and environment; the message names the field.</summary>
    /// <exception cref="ArgumentException">The command is empty or a value carries a NUL character.</exception>
    public void Validate()
    {
        if (Cmd is null || Cmd.Count == 0)
        {
            throw new ArgumentException("An exec needs a command (Cmd is empty).", nameof(Cmd));
        }

        ArgvCheck.Arguments(Cmd, nameof(Cmd));
        ArgvCheck.Environment(Environment, nameof(Environment));
    }
}
