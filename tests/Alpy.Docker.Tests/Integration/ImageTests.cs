using System.Formats.Tar;

namespace Alpy.Docker.Tests.Integration;

[Collection(DockerDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ImageTests(DockerFixture docker)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ImageOperations Images => docker.Client.Images;

    [Fact]
    public async Task Given_changes_When_a_tar_is_imported_Then_the_image_carries_labels_environment_and_command()
    {
        var id = await Images.ImportAsync(
            WriteOneFileAsync,
            new ImageImportOptions
            {
                Repository = "alpy-docker-test-import",
                Tag = docker.Run,
                Changes = [$"LABEL alpy.test={docker.Run}", "LABEL alpy.image=probe", "ENV PATH=/bin", """CMD ["/bin/busybox", "echo", "hi"]"""],
            },
            Token);
        try
        {
            var image = await Images.InspectAsync($"alpy-docker-test-import:{docker.Run}", Token);
            var listed = await Images.ListAsync(new ImageListOptions { Labels = [$"alpy.test={docker.Run}", "alpy.image=probe"] }, Token);

            image.Id.Should().Be(id);
            image.Config!.Labels.Should().Contain("alpy.image", "probe");
            image.Config.Env.Should().Contain("PATH=/bin");
            image.Config.Cmd.Should().Equal("/bin/busybox", "echo", "hi");
            listed.Should().ContainSingle().Which.Id.Should().Be(id);
        }
        finally
        {
            await Images.RemoveAsync(id, force: true, Token);
        }

        (await Images.TryInspectAsync(id, Token)).Should().BeNull();
    }

    [Fact]
    public async Task Given_an_image_When_tagged_and_the_tag_removed_Then_only_the_tag_goes()
    {
        var tag = "extra-" + docker.Run;
        await Images.TagAsync(docker.Image, "alpy-docker-test", tag, Token);

        var removed = await Images.RemoveAsync($"alpy-docker-test:{tag}", cancellationToken: Token);

        removed.Should().ContainSingle().Which.Untagged.Should().Be($"alpy-docker-test:{tag}");
        (await Images.TryInspectAsync(docker.Image, Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Given_bytes_that_are_not_a_tar_When_imported_Then_the_daemon_message_explains_the_failure()
    {
        var import = () => Images.ImportAsync(
            new MemoryStream(new byte[4096].Select((_, i) => (byte)(i * 7)).ToArray()),
            new ImageImportOptions { Repository = "alpy-docker-test-garbage", Tag = docker.Run },
            Token);

        (await import.Should().ThrowAsync<DockerException>()).Which.DaemonMessage.Should().NotBeNullOrEmpty();
        (await Images.TryInspectAsync($"alpy-docker-test-garbage:{docker.Run}", Token)).Should().BeNull();
    }

    private static async Task WriteOneFileAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        await tar.WriteEntryAsync("/bin/busybox", "bin/busybox", cancellationToken);
    }
}
