using System.Globalization;

namespace Alpy.Bench.Capture;

/// <summary>Command line: --frames N, --runs N, --filter EXPR, --keep (leave the generated file).</summary>
internal sealed record BenchOptions
{
    public int Frames { get; init; } = 1_000_000;

    public int Runs { get; init; } = 5;

    public string Filter { get; init; } = "tcp dst port 8888";

    public bool Keep { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--frames" => options with { Frames = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--filter" => options with { Filter = Value() },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown argument {args[i]}. Use --frames N, --runs N, --filter EXPR, --keep."),
            };
        }

        if (options.Frames < 1000 || options.Runs < 1)
        {
            throw new ArgumentException("--frames must be at least 1000 and --runs at least 1.");
        }

        return options;
    }
}
