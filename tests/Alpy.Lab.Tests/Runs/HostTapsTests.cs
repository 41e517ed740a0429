using Alpy.Lab.Runs;

namespace Alpy.Lab.Tests.Runs;

/// <summary>
/// The lab's taps left in the host namespace, read from a sysfs-shaped folder: each with its run and the user it was
/// created for (tun's <c>owner</c> file), so that a reap deletes only its own user's.
/// </summary>
public sealed class HostTapsTests : IDisposable
{
    private readonly string _sys = Directory.CreateTempSubdirectory("alpy-test-sysfs-").FullName;

    public void Dispose() => Directory.Delete(_sys, recursive: true);

    [Fact]
    public void Given_taps_of_two_users_and_other_interfaces_When_listed_Then_each_lab_tap_comes_with_its_run_and_owner()
    {
        Interface("alpyabc123t0", owner: "1001");
        Interface("alpyabc123t1", owner: "0");
        Interface("alpyzzz999t0", owner: "-1");
        Interface("eth0", owner: null);
        Interface("alpyshort", owner: "1001");

        var taps = HostTaps.List(_sys);

        taps.Select(t => (t.Name, t.Run.Value, t.Owner)).Should().BeEquivalentTo(
        [
            ("alpyabc123t0", "abc123", (uint?)1001),
            ("alpyabc123t1", "abc123", (uint?)0),
            ("alpyzzz999t0", "zzz999", (uint?)null),
        ]);
    }

    private void Interface(string name, string? owner)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_sys, name)).FullName;
        if (owner is not null)
            File.WriteAllText(Path.Combine(folder, "owner"), owner + "\n");
    }
}
