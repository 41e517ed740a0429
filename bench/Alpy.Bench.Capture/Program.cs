using System.Globalization;
using Alpy.Bench.Capture;
using Alpy.Capture;

// Capture benchmark: the library against tcpdump on the same generated file, in the same run.
//   dotnet run -c Release --project bench/Alpy.Bench.Capture [-- --frames 1000000 --runs 5 --filter "tcp dst port 8888" --keep]
BenchOptions options = BenchOptions.Parse(args);
string directory = Directory.CreateTempSubdirectory("alpy-capture-bench-").FullName;
try
{
    string file = Path.Combine(directory, "bench.pcap");
    string tenth = Path.Combine(directory, "tenth.pcap");
    CaptureGenerator.Write(file, options.Frames);
    CaptureGenerator.Write(tenth, options.Frames / 10);
    using var filter = new CaptureFilter(options.Filter);

    long matched = LibraryRuns.Filter(file, filter);
    long matchedByTcpdump = TcpdumpRuns.Count(file, options.Filter);
    Console.WriteLine($"Alpy.Capture benchmark: {options.Frames:N0} frames, {new FileInfo(file).Length / 1e6:F1} MB ({file})");
    Console.WriteLine($"{options.Runs} runs of each, interleaved; medians. {CaptureFilter.LibpcapVersion}; {TcpdumpRuns.Version()}; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}");
    Console.WriteLine($"filter \"{options.Filter}\" selects {matched:N0} frames (tcpdump: {matchedByTcpdump:N0}{(matched == matchedByTcpdump ? ", same" : ", DIFFERENT")})");
    Console.WriteLine();

    var runs = new (string Name, Func<Sample> Run)[]
    {
        ("Alpy.Capture read + BPF filter", () => Measure.Library(() => LibraryRuns.Filter(file, filter))),
        ("tcpdump -r FILE -w /dev/null EXPR", () => Measure.Process(() => TcpdumpRuns.Time(TcpdumpRuns.Filter(file, options.Filter)))),
        ("Alpy.Capture read + full decode", () => Measure.Library(() => LibraryRuns.Decode(file))),
        ("Alpy.Capture read + decode + tcpdump text", () => Measure.Library(() => LibraryRuns.Text(file))),
        ("tcpdump -n -r FILE > /dev/null", () => Measure.Process(() => TcpdumpRuns.Time(TcpdumpRuns.Text(file)))),
    };

    // One untimed round: JIT, page cache, libpcap loaded.
    foreach ((_, Func<Sample> run) in runs)
    {
        run();
    }

    var samples = runs.ToDictionary(run => run.Name, _ => new List<Sample>());
    for (int round = 0; round < options.Runs; round++)
    {
        foreach ((string name, Func<Sample> run) in runs)
        {
            samples[name].Add(run());
        }
    }

    var tcpdumpPeak = new Dictionary<string, long>
    {
        [runs[1].Name] = TcpdumpRuns.PeakResident(TcpdumpRuns.Filter(file, options.Filter)),
        [runs[4].Name] = TcpdumpRuns.PeakResident(TcpdumpRuns.Text(file)),
    };
    Sample tenthDecode = Measure.Library(() => LibraryRuns.Decode(tenth));
    Sample fullDecode = Measure.Library(() => LibraryRuns.Decode(file));

    double Rate(string name) => options.Frames / Measure.Median(samples[name]).TotalSeconds;
    string Mb(long bytes) => (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB";
    double filterRatio = Rate(runs[0].Name) / Rate(runs[1].Name);
    double decodeRatio = Rate(runs[2].Name) / Rate(runs[4].Name);
    double textRatio = Rate(runs[3].Name) / Rate(runs[4].Name);

    Console.WriteLine("| run | median | frames/s | ratio to tcpdump | managed allocations per run | peak RSS (growth during the run) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach ((string name, _) in runs)
    {
        Sample last = samples[name][^1];
        bool library = name.StartsWith("Alpy", StringComparison.Ordinal);
        string ratio = name == runs[0].Name ? $"{filterRatio:F2} (vs tcpdump -w)" : name == runs[2].Name ? $"{decodeRatio:F2} (vs tcpdump text)" : name == runs[3].Name ? $"{textRatio:F2} (vs tcpdump text)" : "1.00";
        Console.WriteLine($"| {name} | {Measure.Median(samples[name]).TotalSeconds:F3} s | {Rate(name):N0} | {ratio} | {(library ? Mb(last.Allocated) : "-")} | {(library ? $"{Mb(last.PeakResident)} (+{Mb(last.ResidentGrowth)})" : Mb(tcpdumpPeak[name]) + " (an extra, sampled run)")} |");
    }

    Console.WriteLine();
    Console.WriteLine($"memory: read + full decode of {options.Frames / 10:N0} frames peaks at {Mb(tenthDecode.PeakResident)} RSS (+{Mb(tenthDecode.ResidentGrowth)} during the run, {Mb(tenthDecode.Allocated)} allocated); " +
                      $"of {options.Frames:N0} frames at {Mb(fullDecode.PeakResident)} RSS (+{Mb(fullDecode.ResidentGrowth)}, {Mb(fullDecode.Allocated)} allocated)");
    Console.WriteLine($"targets: read + filter >= 1.0 x tcpdump -w: {filterRatio:F2} {(filterRatio >= 1.0 ? "met" : "NOT met")}; read + full decode >= 0.5 x tcpdump text: {decodeRatio:F2} {(decodeRatio >= 0.5 ? "met" : "NOT met")}");
    Console.WriteLine("(library runs are in-process after a warm-up round; tcpdump runs include its process start, a few milliseconds)");
    return matched == matchedByTcpdump ? 0 : 1;
}
finally
{
    if (options.Keep)
    {
        Console.WriteLine($"kept {directory}");
    }
    else
    {
        Directory.Delete(directory, recursive: true);
    }
}
