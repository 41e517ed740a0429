using Alpy.Lab.Dut;
using Alpy.Lab.Tests.Images;

namespace Alpy.Lab.Tests.Snapshots;

/// <summary>The saved-state store alone (no QEMU): atomic appearance, the lock, temp files, the size bound.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private SnapshotStore Store => new(_folder.Path);

    [Fact]
    public async Task Given_a_save_When_it_writes_Then_the_state_appears_only_once_complete_and_no_temp_file_remains()
    {
        string? seenDuringWrite = "unset";

        var saved = await Store.SaveAsync("k1", async temp =>
        {
            await File.WriteAllTextAsync(temp, "state", TestContext.Current.CancellationToken);
            seenDuringWrite = Store.Find("k1");
        });

        saved.Should().BeTrue();
        seenDuringWrite.Should().BeNull("the state appears by rename, after it was written");
        Store.Find("k1").Should().Be(Store.PathOf("k1"));
        Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["k1.state", ".lock"]);
    }

    [Fact]
    public async Task Given_a_write_that_fails_When_saving_Then_no_state_and_no_temp_file_remain()
    {
        var save = () => Store.SaveAsync("k1", async temp =>
        {
            await File.WriteAllTextAsync(temp, "half", TestContext.Current.CancellationToken);
            throw new IOException("disk full");
        });

        await save.Should().ThrowAsync<IOException>();
        Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo([".lock"]);
    }

    [Fact]
    public async Task Given_another_saver_holds_the_lock_When_saving_Then_it_returns_false_without_writing()
    {
        Directory.CreateDirectory(_folder.Path);
        using var other = new FileStream(Path.Combine(_folder.Path, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var wrote = false;

        var saved = await Store.SaveAsync("k1", _ => { wrote = true; return Task.CompletedTask; });

        saved.Should().BeFalse();
        wrote.Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_dead_savers_temp_file_and_more_states_than_kept_When_saving_Then_both_are_removed_and_the_recent_ones_stay()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "k0.state.tmp-999999"), "left by a killed lab");
        for (var i = 0; i < SnapshotStore.MaxStates; i++)
        {
            File.WriteAllText(Store.PathOf($"old{i}"), "state");
            File.SetLastWriteTimeUtc(Store.PathOf($"old{i}"), DateTime.UtcNow.AddHours(-SnapshotStore.MaxStates + i));
        }
        SnapshotStore.Touch(Store.PathOf("old0"));

        await Store.SaveAsync("new", temp => File.WriteAllTextAsync(temp, "state", TestContext.Current.CancellationToken));

        var left = Directory.GetFiles(_folder.Path, "*.state*").Select(Path.GetFileName).ToList();
        left.Should().HaveCount(SnapshotStore.MaxStates).And.Contain(["new.state", "old0.state"], "the newest and the one just used stay")
            .And.NotContain("old1.state", "the least recently used goes").And.NotContain("k0.state.tmp-999999");
    }

    public void Dispose() => _folder.Dispose();
}
