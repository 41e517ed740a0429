using System.CommandLine;
using Alpy.Lab;
using Alpy.Lab.Dut;
using Alpy.Lab.Topology;
using Alpy.Cli.Commands;

namespace Alpy.Cli.Lab;

/// <summary>
/// `alpy lab`: `up` brings a Rabbit lab up and holds it until Ctrl-C/SIGTERM (then tears it down);
/// `reap` removes what dead lab runs left on this machine (containers, taps, QEMU, temp folders).
/// </summary>
internal static class LabCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("lab", "Bring a lab up, or reap what dead lab runs left behind (see docs/lab.md).");
        command.Add(Up(console));
        command.Add(Reap(console));
        return command;
    }

    private static Command Up(CliConsole console)
    {
        var links = new Option<int>("--links") { Description = "How many DUT links (1-16).", DefaultValueFactory = _ => 2 };
        var artifacts = new Option<string?>("--artifacts") { Description = "Folder of run folders (default reports/runs)." };
        var up = new Command("up", "Bring a Rabbit lab up, print its nodes, and hold it until Ctrl-C or SIGTERM, which tear it down.")
        {
            links, artifacts,
        };
        up.SetAction((parse, cancellationToken) => CommandAction.RunAsync(console, "lab up", async () =>
        {
            try
            {
                var lab = await Alpy.Lab.Lab.StartAsync(new LabOptions
                {
                    Topology = LabTopology.WithLinks(parse.GetValue(links)),
                    Dut = await Rabbit.BuildAsync(cancellationToken: cancellationToken).ConfigureAwait(false),
                    ArtifactsDirectory = parse.GetValue(artifacts),
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
                await using (lab.ConfigureAwait(false))
                {
                    console.Line($"lab {lab.RunId} is up; artifacts in {lab.Folder.Path}");
                    foreach (var node in lab.Nodes)
                        console.Line($"  {node.Name}: {node.Address} via DUT {node.DutAddress} (container {node.ContainerName})");
                    console.Line("Ctrl-C tears it down.");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl-C is how a held lab ends: the lab is torn down on leaving this block.
                    }
                }
            }
            catch (LabException e)
            {
                await console.Error.WriteLineAsync($"alpy lab up: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            return ExitCodes.Passed;
        }));
        return up;
    }

    private static Command Reap(CliConsole console)
    {
        var reap = new Command("reap", "Remove the containers, taps, QEMU processes and temp folders of dead lab runs; live runs are left alone.");
        reap.SetAction((parse, cancellationToken) => CommandAction.RunAsync(console, "lab reap", async () =>
        {
            try
            {
                var report = await Alpy.Lab.Lab.ReapAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                console.Line(report.ToString());
                return ExitCodes.Passed;
            }
            catch (LabException e)
            {
                // Docker unreachable, a helper that failed: the message says what to do; not a bug in alpy.
                await console.Error.WriteLineAsync($"alpy lab reap: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        }));
        return reap;
    }
}
