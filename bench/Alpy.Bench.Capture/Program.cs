using System.Globalization;
using Alpy.Bench.Capture;
using Alpy.Capture;

// Capture benchmark: SharpPcap and PacketDotNet against tcpdump on the same generated file, in the same run, and the
// cost of one capture assertion in a shared lab's long pcap.
//   dotnet run -c Release --project bench/Alpy.Bench.Capture [-- --frames 1000000 --runs 5 --filter "tcp dst port 8888" --keep]
BenchOptions options = BenchOptions.Parse(args);
string directory = Directory.CreateTempSubdirectory("alpy-capture-bench-").FullName;
try
{
    string file = Path.Combine(directory, "bench.pcap");
    string tenth = Path.Combine(directory, "tenth.pcap");
    CaptureGenerator.Write(file, options.Frames);
    CaptureGenerator.Write(tenth, options.Frames / 10);
    var assertions = new AssertionRuns(directory, options.Frames / 10, 100);

    long matched = LibraryRuns.Filter(file, options.Filter);
    long matchedByTcpdump = TcpdumpRuns.Count(file, options.Filter);
    long matchedWithPointers = LibraryRuns.FilterWithPointers(file, options.Filter);
    Console.WriteLine($"Capture benchmark: {options.Frames:N0} frames, {new FileInfo(file).Length / 1e6:F1} MB ({file})");
    Console.WriteLine($"{options.Runs} runs of each, interleaved; medians. SharpPcap over {CaptureFilter.LibpcapVersion}; {TcpdumpRuns.Version()}; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}; load average {LoadAverage()}");
    bool same = matched == matchedByTcpdump && matchedWithPointers == matchedByTcpdump;
    Console.WriteLine($"filter \"{options.Filter}\" selects {matched:N0} frames (tcpdump: {matchedByTcpdump:N0}{(same ? ", same" : $", DIFFERENT; with pointers {matchedWithPointers:N0}")})");
    Console.WriteLine();

    var runs = new (string Name, Func<Sample> Run)[]
    {
        ("SharpPcap read + BPF filter (device.Filter, GetNextPacket)", () => Measure.Library(() => LibraryRuns.Filter(file, options.Filter))),
        ("tcpdump -r FILE -w /dev/null EXPR", () => Measure.Process(() => TcpdumpRuns.Time(TcpdumpRuns.Filter(file, options.Filter)))),
        ("SharpPcap read + BPF filter (device.Filter, GetNextPacketPointers)", () => Measure.Library(() => LibraryRuns.FilterWithPointers(file, options.Filter))),
        ("SharpPcap read + PacketDotNet decode of every frame", () => Measure.Library(() => LibraryRuns.Decode(file))),
        ("tcpdump -n -r FILE > /dev/null", () => Measure.Process(() => TcpdumpRuns.Time(TcpdumpRuns.Text(file)))),
    };
    var checks = new (string Name, Func<TimeSpan> Run)[]
    {
        ("passing capture check (wait for the frame, count the window's matches)", assertions.Passing),
        ("failing capture check (the same, and tcpdump's text of the window for the message)", assertions.Failing),
        ("evidence of one link (end the segment, tcpdump's text, the pcap slice)", assertions.Evidence),
        ("reference: reading the whole link pcap from its start", assertions.WholeFile),
    };

    // One untimed round: JIT, page cache, libpcap loaded.
    foreach ((_, Func<Sample> run) in runs)
    {
        run();
    }

    foreach ((_, Func<TimeSpan> run) in checks)
    {
        run();
    }

    var samples = runs.ToDictionary(run => run.Name, _ => new List<Sample>());
    var checkSamples = checks.ToDictionary(check => check.Name, _ => new List<TimeSpan>());
    for (int round = 0; round < options.Runs; round++)
    {
        foreach ((string name, Func<Sample> run) in runs)
        {
            samples[name].Add(run());
        }

        foreach ((string name, Func<TimeSpan> run) in checks)
        {
            for (int i = 0; i < 3; i++)
            {
                checkSamples[name].Add(run());
            }
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
    double pointersRatio = Rate(runs[2].Name) / Rate(runs[1].Name);
    double decodeRatio = Rate(runs[3].Name) / Rate(runs[4].Name);

    Console.WriteLine("| run | median | frames/s | ratio to tcpdump | managed allocations per run | peak RSS (growth during the run) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach ((string name, _) in runs)
    {
        Sample last = samples[name][^1];
        bool library = name.StartsWith("SharpPcap", StringComparison.Ordinal);
        string ratio = name == runs[0].Name ? $"{filterRatio:F2} (vs tcpdump -w)" : name == runs[2].Name ? $"{pointersRatio:F2} (vs tcpdump -w)" : name == runs[3].Name ? $"{decodeRatio:F2} (vs tcpdump text)" : "1.00";
        Console.WriteLine($"| {name} | {Measure.Median(samples[name]).TotalSeconds:F3} s | {Rate(name):N0} | {ratio} | {(library ? Mb(last.Allocated) : "-")} | {(library ? $"{Mb(last.PeakResident)} (+{Mb(last.ResidentGrowth)})" : Mb(tcpdumpPeak[name]) + " (an extra, sampled run)")} |");
    }

    Console.WriteLine();
    Console.WriteLine($"memory: read + decode of {options.Frames / 10:N0} frames peaks at {Mb(tenthDecode.PeakResident)} RSS (+{Mb(tenthDecode.ResidentGrowth)} during the run, {Mb(tenthDecode.Allocated)} allocated); " +
                      $"of {options.Frames:N0} frames at {Mb(fullDecode.PeakResident)} RSS (+{Mb(fullDecode.ResidentGrowth)}, {Mb(fullDecode.Allocated)} allocated)");
    Console.WriteLine();
    Console.WriteLine($"One capture assertion in a shared lab's link pcap of {options.Frames / 10:N0} frames, the scenario's 100 frames at its end ({options.Runs * 3} runs each, median):");
    Console.WriteLine("| step | median | range |");
    Console.WriteLine("|---|---:|---:|");
    foreach ((string name, _) in checks)
    {
        List<TimeSpan> sorted = [.. checkSamples[name].Order()];
        Console.WriteLine($"| {name} | {Ms(sorted[sorted.Count / 2])} | {Ms(sorted[0])} to {Ms(sorted[^1])} |");
    }

    TimeSpan passing = checkSamples[checks[0].Name].Order().ElementAt(checkSamples[checks[0].Name].Count / 2);
    Console.WriteLine();
    Console.WriteLine($"targets: read + filter >= 0.9 x tcpdump -w: {filterRatio:F2} with GetNextPacket {(filterRatio >= 0.9 ? "met" : "NOT met")}, {pointersRatio:F2} with GetNextPacketPointers {(pointersRatio >= 0.9 ? "met" : "NOT met")}; " +
                      $"one capture assertion <= 20 ms on a {options.Frames / 10:N0}-frame pcap: {Ms(passing)} {(passing <= TimeSpan.FromMilliseconds(20) ? "met" : "NOT met")}");
    Console.WriteLine("(library runs are in-process after a warm-up round; tcpdump runs include its process start, a few milliseconds)");
    return same ? 0 : 1;
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

static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
