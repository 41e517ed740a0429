using Alpy.Lab.Apps;
using Alpy.Lab.Tests.Support;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Apps;

/// <summary>
/// App runs leave nothing behind although the lab does not wait for their removal (it goes on while the result is
/// returned): a finished app's container is gone a moment later, an app that overruns its timeout is killed and removed
/// before the error is thrown.
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class AppRunTests(RabbitLabFixture fixture) : IClassFixture<RabbitLabFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Lab Lab => fixture.Lab;

    [Fact]
    public async Task Given_an_app_that_exited_When_a_moment_passed_Then_its_container_is_gone()
    {
        var result = await Lab.RunAsync(Lab.Node(0), ["sh", "-c", "echo out; echo err >&2; exit 3"], cancellationToken: Token);

        result.ExitCode.Should().Be(3);
        result.Stdout.Should().Be("out\n");
        result.Stderr.Should().Be("err\n");
        (await AppContainersAfterAsync(TimeSpan.FromSeconds(10))).Should().BeEmpty("the lab removes a finished app once it read its exit code");
    }

    [Fact]
    public async Task Given_an_app_that_overruns_its_timeout_When_run_Then_the_error_says_so_and_the_container_is_removed()
    {
        var run = () => Lab.RunAsync(Lab.Node(0), ["sh", "-c", "echo started; sleep 60"], new AppOptions { Timeout = TimeSpan.FromSeconds(2) }, Token);

        (await run.Should().ThrowAsync<LabException>()).Which.Message.Should().Contain("did not finish within 2 s").And.Contain("killed and removed");
        (await AppContainersAfterAsync(TimeSpan.Zero)).Should().BeEmpty("a killed app is removed before the error is thrown");
    }

    /// <summary>The run's app containers once they are gone or <paramref name="patience"/> has passed.</summary>
    private async Task<IReadOnlyList<ContainerListResponse>> AppContainersAfterAsync(TimeSpan patience)
    {
        using var docker = LabDocker.Client();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var apps = (await LabDocker.ContainersOfRunAsync(docker, Lab.RunId.Value))
                .Where(c => c.Labels is { } labels && labels.TryGetValue(LabLabels.Component, out var component) && component == LabLabels.App).ToList();
            if (apps.Count == 0 || DateTime.UtcNow >= deadline)
                return apps;
            await Task.Delay(100, Token);
        }
    }
}
