// Hosts one Rabbit lab until the process is stopped: prints "up RUNID QEMUPID" once the lab is up.
// The lab's tests kill this process (SIGKILL: the next lab reaps; SIGTERM: the lab tears itself down).
using System.Globalization;
using Alpy.Lab;
using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

var links = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
var artifacts = args.Length > 1 ? args[1] : null;
var lab = await Lab.StartAsync(new LabOptions
{
    Topology = LabTopology.WithLinks(links),
    Dut = await Rabbit.BuildAsync(),
    ArtifactsDirectory = artifacts,
});
Console.WriteLine($"up {lab.RunId} {lab.Dut.Pid}");
await Task.Delay(Timeout.Infinite);
