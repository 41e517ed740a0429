namespace Alpy.Lab;

/// <summary>How long each lab step may take. Short by default: a step that hangs fails with a reason instead.</summary>
public sealed record LabTimeouts
{
    /// <summary>
    /// From QEMU's start to the DUT's prompt. Rabbit needs 2-3 s under TCG on an idle 2-core machine, but a
    /// loaded one (a CI running every test project at once) was seen taking 50 s: default 120 s.
    /// </summary>
    public TimeSpan Boot { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>One helper container (create a tap, move it, delete leftovers; default 30 s).</summary>
    public TimeSpan Helper { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A node configuring its interface once its tap arrived (default 30 s).</summary>
    public TimeSpan Node { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One DUT console command, e.g. the reset (default 10 s).</summary>
    public TimeSpan Command { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Each teardown step (default 10 s); a step that overruns is reported and the next one runs.</summary>
    public TimeSpan TeardownStep { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(Boot), Boot), (nameof(Helper), Helper), (nameof(Node), Node), (nameof(Command), Command), (nameof(TeardownStep), TeardownStep) })
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
                throw new ArgumentOutOfRangeException(name, value, $"The lab's {name} timeout must be between 0 and 1 hour.");
    }
}
