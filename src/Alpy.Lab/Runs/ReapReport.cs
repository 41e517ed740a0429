namespace Alpy.Lab.Runs;

/// <summary>What a reap removed: dead runs, their containers, taps and processes.</summary>
public sealed record ReapReport(
    IReadOnlyList<RunId> DeadRuns,
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> Taps,
    IReadOnlyList<int> Processes)
{
    /// <summary>True when nothing was found to remove.</summary>
    public bool IsEmpty => DeadRuns.Count == 0 && Containers.Count == 0 && Taps.Count == 0 && Processes.Count == 0;

    /// <inheritdoc />
    public override string ToString() => IsEmpty
        ? "nothing to reap"
        : $"reaped {DeadRuns.Count} dead run(s) [{string.Join(", ", DeadRuns)}]: {Containers.Count} container(s), "
          + $"{Taps.Count} tap(s) [{string.Join(", ", Taps)}], {Processes.Count} process(es) [{string.Join(", ", Processes)}]";
}
