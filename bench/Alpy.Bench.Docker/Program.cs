// Measures what one app-container run costs through Alpy.Docker against the docker CLI, interleaved in the same
// run so that the shared machine's noise hits both alike. Prints medians (and quartiles) in milliseconds and the
// ratio to the CLI's `docker run --rm`. Everything it creates is labelled alpy.bench=<run> and removed.
//
//   dotnet run -c Release --project bench/Alpy.Bench.Docker [-- ROUNDS]
using System.Diagnostics;
using System.Globalization;
using Alpy.Docker;
using Alpy.Bench.Docker;
using Alpy.Lab.Images;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var run = "bench-" + Guid.NewGuid().ToString("N")[..8];
var labels = new Dictionary<string, string> { ["alpy.bench"] = run };
using var docker = new DockerClient();
var image = (await new ImageBuilder(docker).EnsureAsync(ToolsImage.Recipe)).Reference;
string[] ping = ["ping", "-c", "1", "-W", "1", "127.0.0.1"];
var spec = new ContainerSpec { Image = image, Cmd = ping, Labels = labels, HostConfig = new HostConfig { NetworkMode = NamespaceMode.None } };
var timeout = TimeSpan.FromSeconds(30);

var server = await docker.Containers.CreateAsync(spec with { Cmd = ["sleep", "3600"] }, $"alpy-{run}-exec");
await docker.Containers.StartAsync(server.Id);
try
{
    var measurements = new[]
    {
        new Measurement("docker run --rm (CLI, reference)", () => Cli(["run", "--rm", "--network", "none", "--label", $"alpy.bench={run}", image, .. ping])),
        new Measurement("RunAsync: create, attach, wait, start, remove", async () =>
            Check((await docker.Containers.RunAsync(spec, new ContainerRunOptions { Timeout = timeout })).ExitCode)),
        new Measurement("create, wait, start, logs, remove", LoggedRun),
        new Measurement("AutoRemove: create, attach, wait(removed), start", () => AttachedRun(WaitCondition.Removed)),
        new Measurement("AutoRemove: create, attach, wait(next-exit), start", () => AttachedRun(WaitCondition.NextExit)),
        new Measurement("docker exec (CLI) into a running container", () => Cli(["exec", server.Id, .. ping])),
        new Measurement("Exec.RunAsync into a running container", async () =>
            Check((await docker.Exec.RunAsync(server.Id, new ExecSpec { Cmd = ping }, timeout)).ExitCode)),
        new Measurement("GET /_ping (one request on the pooled connection)", () => docker.PingAsync()),
        new Measurement("ImageBuilder.EnsureAsync(tools), image exists: plan, hash, inspect", () => new ImageBuilder(docker).EnsureAsync(ToolsImage.Recipe)),
    };

    foreach (var measurement in measurements)
    {
        await measurement.SampleAsync(); // warm-up: JIT, connection, page cache
        measurement.Samples.Clear();
    }

    for (var round = 0; round < rounds; round++)
    {
        foreach (var measurement in measurements)
        {
            await measurement.SampleAsync();
        }
    }

    var reference = measurements[0].Median;
    Console.WriteLine($"Alpy.Docker benchmark: {rounds} rounds, {Environment.ProcessorCount} cores, image {image}, command: {string.Join(' ', ping)}");
    Console.WriteLine($"| {"what",-66} | median ms |  p25 ms |  p75 ms | ratio |");
    Console.WriteLine($"|{new string('-', 68)}|----------:|--------:|--------:|------:|");
    foreach (var measurement in measurements)
    {
        Console.WriteLine(measurement.Row(reference));
    }
}
finally
{
    foreach (var container in await docker.Containers.ListAsync(ContainerListOptions.WithLabel("alpy.bench", run)))
    {
        await docker.Containers.RemoveAsync(container.Id, force: true);
    }
}

async Task AttachedRun(WaitCondition condition)
{
    var created = await docker.Containers.CreateAsync(spec with { HostConfig = spec.HostConfig! with { AutoRemove = true } });
    using var attachment = await docker.Containers.AttachAsync(created.Id);
    using var wait = await docker.Containers.BeginWaitAsync(created.Id, condition);
    await docker.Containers.StartAsync(created.Id);
    var output = await attachment.ReadToEndAsync(timeout, 1 << 20);
    Check((await wait.GetExitAsync(timeout)).StatusCode, output.Stdout);
}

async Task LoggedRun()
{
    var created = await docker.Containers.CreateAsync(spec);
    using (var wait = await docker.Containers.BeginWaitAsync(created.Id, WaitCondition.NextExit))
    {
        await docker.Containers.StartAsync(created.Id);
        var exit = await wait.GetExitAsync(timeout);
        Check(exit.StatusCode, (await docker.Containers.GetLogsAsync(created.Id)).Stdout);
    }

    await docker.Containers.RemoveAsync(created.Id, force: true);
}

static void Check(long exitCode, string output = "")
{
    if (exitCode != 0)
    {
        throw new InvalidOperationException($"The measured command failed with {exitCode}: {output}");
    }
}

static async Task Cli(string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    Check(process.ExitCode, await output + await errors);
}
