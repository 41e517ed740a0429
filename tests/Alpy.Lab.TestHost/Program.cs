// Hosts one Rabbit lab until the process is stopped: prints "up RUNID QEMUPID" once the lab is up.
// The lab's tests kill this process (SIGKILL: the next lab reaps; SIGTERM: the lab tears itself down).
// With the argument `reap` it runs one reap instead (`alpy lab reap`'s work) and prints its report, or the lab's error on
// stderr with exit code 1: the tests run it as another user or with another DOCKER_HOST, as a user's process would be.
// With `tun PATH` it runs the lab's /dev/net/tun check on PATH: the tests run it as a user that may not open it.
using System.Globalization;
using Alpy.Lab;
using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

if (args is ["reap"])
{
    try
    {
        Console.WriteLine(await Lab.ReapAsync());
        return 0;
    }
    catch (LabException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 1;
    }
}

if (args is ["tun", var device])
{
    try
    {
        Alpy.Lab.Links.TunDevice.EnsureUsable(device);
        Console.WriteLine("usable");
        return 0;
    }
    catch (LabException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 1;
    }
}

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
return 0;
