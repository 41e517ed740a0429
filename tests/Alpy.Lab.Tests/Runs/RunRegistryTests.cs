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

    [Fact]
    public void Given_no_setting_When_the_registry_is_made_Then_it_is_this_users_own_folder_in_tmp()
    {
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[2]; // the effective uid

        RunRegistry.DefaultRoot.Should().Be($"/tmp/alpy-runs-{uid}");
    }

    [Fact]
    public void Given_a_registry_folder_open_to_others_When_a_run_registers_Then_the_folder_is_closed_to_them()
    {
        var root = Path.Combine(_root, "runs");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);

        using var lease = new RunRegistry(root).Register();

        File.GetUnixFileMode(root).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            "its folders hold the runs' locks and QEMU's sockets");
    }

    [Fact]
    public void Given_a_symbolic_link_where_the_registry_belongs_When_a_run_registers_Then_it_is_refused_with_the_fix()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var root = Path.Combine(_root, "runs");
        Directory.CreateSymbolicLink(root, elsewhere);

        var register = () => new RunRegistry(root).Register();

        register.Should().Throw<IOException>().WithMessage($"*'{root}' is a symbolic link to '{elsewhere}'*Remove it*ALPY_RUNS*");
        Directory.EnumerateFileSystemEntries(elsewhere).Should().BeEmpty("nothing may be written where the link points");
    }

    private static async Task<int> FlockAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("flock", ["-n", path, "true"]))!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return process.ExitCode;
    }
}
