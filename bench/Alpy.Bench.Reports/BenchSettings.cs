using System.Globalization;

namespace Alpy.Bench.Reports;

/// <summary>Command-line settings of the reports benchmark.</summary>
internal sealed record BenchSettings
{
    /// <summary>Repetitions of each measurement (medians are reported).</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Scenarios of the evidence suite (5 steps each).</summary>
    public int Scenarios { get; init; } = 200;

    /// <summary>Failing scenarios, each attaching one pcap and a capture excerpt.</summary>
    public int Failing { get; init; } = 10;

    /// <summary>Size of each pcap in MiB.</summary>
    public int PcapMib { get; init; } = 4;

    /// <summary>Scenarios of the large suite used for throughput and merging.</summary>
    public int LargeScenarios { get; init; } = 2000;

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--runs" => settings with { Runs = value },
                "--scenarios" => settings with { Scenarios = value },
                "--failing" => settings with { Failing = value },
                "--pcap-mib" => settings with { PcapMib = value },
                "--large" => settings with { LargeScenarios = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --runs, --scenarios, --failing, --pcap-mib, --large."),
            };
        }

        return settings.Runs < 1 || settings.Scenarios < settings.Failing || settings.PcapMib < 0
            ? throw new ArgumentException("Need --runs >= 1, --scenarios >= --failing, --pcap-mib >= 0.")
            : settings;
    }
}
