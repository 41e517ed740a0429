using System.Diagnostics;
using Alpy.Lab.Runs;

namespace Alpy.Lab.Tests.Runs;

public sealed class RunRegistryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alpy-test-registry-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Given_a_registered_run_When_another_reaper_looks_Then_it_is_live_and_not_claimed()
    {
        var registry = new RunRegistry(_root);
        using var lease = registry.Register();

        registry.IsLive(lease.Id).Should().BeTrue();
        registry.ClaimDeadRuns().Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_registered_run_When_another_process_tries_the_lock_Then_the_kernel_refuses_it()
    {
        var registry = new RunRegistry(_root);
        using var lease = registry.Register();

        var exitCode = await FlockAsync(lease.PathOf("lock"));

        exitCode.Should().Be(1, "flock -n exits 1 when the file is locked by another process");
    }

    [Fact]
    public void Given_a_run_whose_lease_was_dropped_without_cleanup_When_a_reaper_looks_Then_it_is_claimed_once()
    {
        var registry = new RunRegistry(_root);
        var directory = Path.Combine(_root, "dead01");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "lock"), "");

        var claimed = registry.ClaimDeadRuns();
        var claimedAgain = registry.ClaimDeadRuns();

        claimed.Select(l => l.Id.Value).Should().Equal("dead01");
        claimedAgain.Should().BeEmpty("the first reaper holds the dead run's lock while it reaps");
        claimed[0].Dispose();
        Directory.Exists(directory).Should().BeFalse();
    }

    [Fact]
    public void Given_a_folder_being_born_without_lock_When_a_reaper_looks_Then_it_is_left_alone()
    {
        Directory.CreateDirectory(Path.Combine(_root, "born01"));

        new RunRegistry(_root).ClaimDeadRuns().Should().BeEmpty();
    }

    [Fact]
    public void Given_a_disposed_lease_When_checked_Then_no_temp_files_remain()
    {
        var registry = new RunRegistry(_root);
        var lease = registry.Register();
        File.WriteAllText(lease.PathOf("qemu.pid"), "1");

        lease.Dispose();
        lease.Dispose();

        Directory.EnumerateFileSystemEntries(_root).Should().BeEmpty();
        registry.IsLive(lease.Id).Should().BeFalse();
    }

    private static async Task<int> FlockAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("flock", ["-n", path, "true"]))!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.ExitCode;
    }
}
