using System.Globalization;

namespace Alpy.Bench.Lab;

/// <summary>Command-line settings: --runs N (labs brought up), --apps N (app runs and resets per lab), --links N.</summary>
internal sealed record BenchSettings(int Runs, int Apps, int Links)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(5, 5, 2);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--runs" => settings with { Runs = value },
                "--apps" => settings with { Apps = value },
                "--links" => settings with { Links = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --runs N, --apps N, --links N."),
            };
        }
        return settings;
    }
}
