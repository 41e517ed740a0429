using System.Globalization;

namespace Alpy.Bench.Suite;

/// <summary>Command-line options: --runs N (repetitions of both modes), --filter EXPR (dotnet test's), --timeout-minutes N (per suite run).</summary>
internal sealed record BenchOptions
{
    public int Runs { get; init; } = 1;

    public string? Filter { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(40);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]} needs a value; use --runs N, --filter EXPR, --timeout-minutes N.");
            var value = args[i + 1];
            options = args[i] switch
            {
                "--runs" => options with { Runs = Number(args[i], value, 1, 20) },
                "--filter" => options with { Filter = value },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(Number(args[i], value, 1, 240)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --runs N, --filter EXPR, --timeout-minutes N."),
            };
        }
        return options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} is \"{value}\"; use a whole number from {min} to {max}.");
}
