namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ArchiveTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_input_files_uploaded_before_start_When_the_container_runs_Then_it_reads_and_executes_them()
    {
        var created = await docker.Client.Containers.CreateAsync(docker.Spec("/tmp/in/run.sh"), docker.Name("archive"), Token);
        try
        {
            await docker.Client.Containers.UploadFilesAsync(
                created.Id,
                "/tmp",
                [
                    ArchiveFile.FromText("in/run.sh", "#!/bin/sh\ncat /tmp/in/conf/address\n", (UnixFileMode)Convert.ToInt32("755", 8)),
                    ArchiveFile.FromText("in/conf/address", "192.0.2.1/24\n"),
                ],
                Token);
            using var wait = await docker.Client.Containers.BeginWaitAsync(created.Id, WaitCondition.NextExit, Token);
            await docker.Client.Containers.StartAsync(created.Id, Token);

            var exit = await wait.GetExitAsync(TimeSpan.FromSeconds(10), Token);
            var output = await docker.Client.Containers.GetLogsAsync(created.Id, cancellationToken: Token);

            exit.StatusCode.Should().Be(0);
            output.Stdout.Should().Be("192.0.2.1/24\n");
        }
        finally
        {
            await docker.Client.Containers.RemoveAsync(created.Id, force: true, Token);
        }
    }

    [Fact]
    public async Task Given_a_directory_that_does_not_exist_When_uploading_Then_a_not_found_error_says_so()
    {
        var created = await docker.Client.Containers.CreateAsync(docker.Spec("true"), docker.Name("nodir"), Token);
        try
        {
            var upload = () => docker.Client.Containers.UploadFilesAsync(created.Id, "/no/such/dir", [ArchiveFile.FromText("a", "b")], Token);

            await upload.Should().ThrowAsync<DockerNotFoundException>();
        }
        finally
        {
            await docker.Client.Containers.RemoveAsync(created.Id, force: true, Token);
        }
    }
}
