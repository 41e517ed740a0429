// Measures what one app run costs through the lab (Lab.RunAsync: an app container in a node's network namespace, with
// the lab's labels, capabilities and saved output) against `docker run --rm` of the same image and command in the
// same namespace by the docker CLI; and one command run in a running app container (the exec behind
// AppServer.WaitForPortAsync) against `docker exec`. Round by round, interleaved in one run, so that the shared
// machine's noise hits both alike. Prints medians, quartiles and the ratio to the CLI's figure. Target: the lab's app
// run at most 1.0x the CLI's. The lab's containers go with the lab; its run folder is a temp folder, removed.
// The lab removes a finished app while its result is returned: each of its rows then waits, untimed, until the container
// is gone, so that the removal does not slow the rows measured next (`docker run --rm` returns once its container is gone).
//
//   dotnet run -c Release --project bench/Alpy.Bench.Docker [-- ROUNDS]
using System.Diagnostics;
using System.Globalization;
using Alpy.Bench.Docker;
using Alpy.Lab;
using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var artifacts = Path.Combine(Path.GetTempPath(), $"alpy-bench-docker-{Environment.ProcessId}");
var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
try
{
    await using var lab = await Lab.StartAsync(new LabOptions
    {
        Topology = LabTopology.WithLinks(1),
        Dut = await Rabbit.BuildAsync(),
        ArtifactsDirectory = artifacts,
        // Measured beside other engineers' work on two cores: the defaults fit an idle machine.
        Timeouts = new LabTimeouts { Boot = TimeSpan.FromSeconds(120), Snapshot = TimeSpan.FromSeconds(60) },
    });
    var node = lab.Node(0);
    string[] loopback = ["ping", "-c", "1", "-W", "1", "127.0.0.1"];
    string[] dut = ["ping", "-c", "1", "-W", "5", node.DutAddress.ToString()];
    string[] cli = ["run", "--rm", "--network", "container:" + node.ContainerId, lab.ToolsImage];
    await using var server = await lab.StartAppAsync(node, ["socat", "TCP-LISTEN:8080,fork,reuseaddr", "SYSTEM:true"]);
    await server.WaitForPortAsync(8080);

    var measurements = new[]
    {
        new Measurement("docker run --rm, node's namespace: ping 127.0.0.1 (CLI, reference)", () => Cli([.. cli, .. loopback])),
        new Measurement("Lab.RunAsync: ping 127.0.0.1", async () => Check(await lab.RunAsync(node, loopback)), AppsGoneAsync),
        new Measurement("docker run --rm, node's namespace: ping the DUT (CLI)", () => Cli([.. cli, .. dut])),
        new Measurement("Lab.RunAsync: ping the DUT", async () => Check(await lab.RunAsync(node, dut)), AppsGoneAsync),
        new Measurement("docker exec into the server: cat /proc/net/tcp (CLI)", () => Cli(["exec", server.ContainerId, "cat", "/proc/net/tcp", "/proc/net/tcp6"])),
        new Measurement("AppServer.WaitForPortAsync, already listening (inspect, exec)", () => server.WaitForPortAsync(8080)),
    };

    // Untimed, after each of the lab's app runs: until its container is gone, the server being the run's only app left.
    async Task AppsGoneAsync()
    {
        string[] apps = ["ps", "-aq", "--filter", $"label={LabLabels.Run}={lab.RunId}", "--filter", $"label={LabLabels.Component}={LabLabels.App}"];
        while ((await CliOutput(apps)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1)
            await Task.Delay(10);
    }

    foreach (var measurement in measurements)
    {
        await measurement.SampleAsync(); // warm-up: JIT, connections, page cache
        measurement.Samples.Clear();
    }

    for (var round = 0; round < rounds; round++)
    {
        foreach (var measurement in measurements)
            await measurement.SampleAsync();
    }

    Console.WriteLine($"Docker benchmark: {rounds} rounds, {Environment.ProcessorCount} cores, load average {load} -> "
                      + $"{File.ReadAllText("/proc/loadavg").Split(' ')[0]}, image {lab.ToolsImage}");
    Console.WriteLine($"| {"what",-72} | median ms |  p25 ms |  p75 ms | ratio |");
    Console.WriteLine($"|{new string('-', 74)}|----------:|--------:|--------:|------:|");
    foreach (var (measurement, reference) in measurements.Select((m, i) => (m, measurements[i - (i % 2)])))
        Console.WriteLine(measurement.Row(reference.Median));
    Console.WriteLine("ratio: to the CLI row above it (the lab's app run against docker run --rm; the lab's exec against docker exec).");
}
finally
{
    if (Directory.Exists(artifacts))
        Directory.Delete(artifacts, recursive: true);
}

static void Check(Alpy.Lab.Apps.AppResult result)
{
    if (result.ExitCode != 0)
        throw new InvalidOperationException($"The measured command failed with {result.ExitCode}: {result.Stdout}{result.Stderr}");
}

static async Task Cli(string[] arguments) => await CliOutput(arguments);

static async Task<string> CliOutput(string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed with {process.ExitCode}: {await output}{await errors}");
    return await output;
}
