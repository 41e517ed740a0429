namespace Alpy.Lab;

/// <summary>
/// How long each lab step may take. Defaults fit an idle 2-core machine with room to spare, so that a hung step
/// fails with its reason in seconds, not minutes; a loaded CI raises them (the suite's ALPY_BOOT_TIMEOUT, the
/// tests' own options) instead of every user waiting for the worst case.
/// </summary>
public sealed record LabTimeouts
{
    /// <summary>
    /// From QEMU's start to the DUT's prompt on a cold boot. Rabbit needs 2-3 s under TCG on an idle machine; 30 s
    /// covers a busy one. A machine under heavy load (a CI running every test project at once was seen taking 50 s)
    /// needs more: set it there.
    /// </summary>
    public TimeSpan Boot { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Saving the DUT's state after a cold boot, or loading it and proving the DUT alive with a console round trip
    /// (well under a second idle; default 15 s). A restore that overruns falls back to a cold boot.
    /// </summary>
    public TimeSpan Snapshot { get; init; } = TimeSpan.FromSeconds(15);

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
        foreach (var (name, value) in new[]
                 {
                     (nameof(Boot), Boot), (nameof(Snapshot), Snapshot), (nameof(Helper), Helper), (nameof(Node), Node),
                     (nameof(Command), Command), (nameof(TeardownStep), TeardownStep),
                 })
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
                throw new ArgumentOutOfRangeException(name, value, $"The lab's {name} timeout must be between 0 and 1 hour.");
    }
}
