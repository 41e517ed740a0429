using System.Formats.Tar;

namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class DockerSessionTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Given_a_started_session_When_asked_Then_it_is_alive_until_disposed()
    {
        var session = DockerSession.Start("alpy.test", "session-");

        var aliveWhileHeld = DockerSession.IsAlive(session.Value);
        session.Dispose();

        aliveWhileHeld.Should().BeTrue();
        DockerSession.IsAlive(session.Value).Should().BeFalse();
        session.Labels.Should().Equal(new Dictionary<string, string> { ["alpy.test"] = session.Value });
    }

    [Fact]
    public async Task Given_leftovers_of_a_killed_session_and_of_a_live_one_When_reaping_Then_only_the_killed_ones_go()
    {
        var prefix = "reap-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var killed = DockerSession.Start("alpy.test", prefix);
        using var live = DockerSession.Start("alpy.test", prefix);
        await using var leftover = await docker.CreateAsync(docker.Spec("true") with { Labels = killed.Labels }, "leftover");
        await using var kept = await docker.CreateAsync(docker.Spec("true") with { Labels = live.Labels }, "kept");
        var leftoverImage = await docker.Client.Images.ImportAsync(
            WriteEmptyTarAsync, new ImageImportOptions { Changes = [$"LABEL alpy.test={killed.Value}"] }, Token);
        killed.Dispose(); // as the kernel does when a process is killed

        var reaped = await DockerSession.ReapDeadAsync(docker.Client, "alpy.test", prefix, Token);

        reaped.Should().Equal(killed.Value);
        (await docker.Client.Containers.TryInspectAsync(leftover.Id, Token)).Should().BeNull();
        (await docker.Client.Images.TryInspectAsync(leftoverImage, Token)).Should().BeNull();
        (await docker.Client.Containers.TryInspectAsync(kept.Id, Token)).Should().NotBeNull();
    }

    private static async Task WriteEmptyTarAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/"), cancellationToken);
    }
}
