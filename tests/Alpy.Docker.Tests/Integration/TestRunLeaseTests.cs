namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class TestRunLeaseTests(DockerFixture docker)
{
    [Fact]
    public async Task Given_leftovers_of_a_killed_run_and_of_a_live_run_When_reaping_Then_only_the_killed_runs_go()
    {
        var dead = "docker-dead-" + Guid.NewGuid().ToString("N")[..8];
        var live = "docker-live-" + Guid.NewGuid().ToString("N")[..8];
        using var liveLease = TestRunLease.TryAcquire(live);
        var labelled = (string run) => docker.Spec("true") with { Labels = new Dictionary<string, string> { ["alpy.test"] = run } };
        await using var leftover = await docker.CreateAsync(labelled(dead), "leftover");
        await using var kept = await docker.CreateAsync(labelled(live), "kept");

        await TestRunLease.ReapDeadRunsAsync(docker.Client, "docker-");

        (await docker.Client.Containers.TryInspectAsync(leftover.Id, TestContext.Current.CancellationToken)).Should().BeNull();
        (await docker.Client.Containers.TryInspectAsync(kept.Id, TestContext.Current.CancellationToken)).Should().NotBeNull();
        liveLease.Should().NotBeNull();
    }
}
