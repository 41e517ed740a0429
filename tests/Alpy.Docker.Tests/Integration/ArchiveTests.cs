namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ArchiveTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_input_files_uploaded_before_start_When_the_container_runs_Then_it_reads_and_executes_them()
    {
        await using var helper = await docker.CreateAsync(docker.Spec("/tmp/in/run.sh"), "archive");
        await docker.Client.Containers.UploadFilesAsync(
            helper.Id,
            "/tmp",
            [
                ArchiveFile.FromText("in/run.sh", "#!/bin/sh\ncat /tmp/in/conf/address\n", (UnixFileMode)Convert.ToInt32("755", 8)),
                ArchiveFile.FromText("in/conf/address", "192.0.2.1/24\n"),
            ],
            Token);
        using var wait = await docker.Client.Containers.BeginWaitAsync(helper.Id, WaitCondition.NextExit, Token);

        await docker.Client.Containers.StartAsync(helper.Id, Token);
        var exit = await wait.GetExitAsync(TimeSpan.FromSeconds(10), Token);
        var output = await docker.Client.Containers.GetLogsAsync(helper.Id, cancellationToken: Token);

        exit.StatusCode.Should().Be(0);
        output.Stdout.Should().Be("192.0.2.1/24\n");
    }

    [Fact]
    public async Task Given_a_directory_that_does_not_exist_When_uploading_Then_a_not_found_error_says_so()
    {
        await using var helper = await docker.CreateAsync(docker.Spec("true"), "nodir");

        var upload = () => docker.Client.Containers.UploadFilesAsync(helper.Id, "/no/such/dir", [ArchiveFile.FromText("a", "b")], Token);

        await upload.Should().ThrowAsync<DockerNotFoundException>();
    }
}
