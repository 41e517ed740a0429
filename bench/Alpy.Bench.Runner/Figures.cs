using System.Text.Json;

namespace Alpy.Bench.Runner;

/// <summary>One headline figure of a benchmark process: a CPU median, and the target it is held to, if any.</summary>
internal sealed record Figure(string Name, double Value, string Unit, double? Target);

/// <summary>
/// The headline figures of one benchmark process, kept so that a parent process can give each
/// figure's range over several processes: on these shared machines the same code reads up to
/// ±30 % differently from one process to the next (docs/runner.md, sixth pass).
/// </summary>
internal sealed class Figures
{
    private readonly List<Figure> figures = [];

    public void Add(string name, double value, string unit, double? target = null) => figures.Add(new Figure(name, value, unit, target));

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(figures));

    public static IReadOnlyList<Figure> Load(string path) =>
        JsonSerializer.Deserialize<List<Figure>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} holds no figures.");

    /// <summary>Prints each figure's range over the processes, its median, and how many processes met its target.</summary>
    public static void PrintSummary(IReadOnlyList<IReadOnlyList<Figure>> processes)
    {
        Console.WriteLine($"Over {processes.Count} processes (the same figures as above, each process's median; range and median of those):");
        foreach (var first in processes[0])
        {
            var values = processes.Select(p => p.Single(f => f.Name == first.Name).Value).Order().ToArray();
            var median = values[values.Length / 2];
            var range = $"{values[0],8:0.00} – {values[^1],-8:0.00} {first.Unit,-3}";
            var verdict = first.Target is { } target
                ? $"   target <= {target} {first.Unit}: median {(median <= target ? "met" : "not met")}, met by {values.Count(v => v <= target)} of {values.Length}"
                : string.Empty;
            Console.WriteLine($"  {first.Name,-52} {range}  median {median,8:0.00}{verdict}");
        }
    }
}
