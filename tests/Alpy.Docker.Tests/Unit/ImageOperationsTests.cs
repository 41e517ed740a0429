using System.Net;
using System.Text;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class ImageOperationsTests
{
    private readonly FakeDockerHandler handler = new();

    [Fact]
    public async Task Given_a_tar_When_imported_Then_it_is_streamed_with_repo_tag_and_changes_and_the_id_returned()
    {
        handler.On(HttpMethod.Post, "/images/create", HttpStatusCode.OK, "{\"status\":\"sha256:abc\"}\r\n");
        using var client = FakeDocker.Client(handler);
        var options = new ImageImportOptions
        {
            Repository = "alpy-tools",
            Tag = "0123abcd",
            Changes = ["LABEL alpy.image=tools", "ENV PATH=/bin:/sbin", """CMD ["sh"]"""],
        };

        var id = await client.Images.ImportAsync(
            (stream, token) => stream.WriteAsync(Encoding.ASCII.GetBytes("tar bytes"), token).AsTask(), options, TestContext.Current.CancellationToken);

        id.Should().Be("sha256:abc");
        var request = handler.Versioned.Single();
        request.Query.Should().Be("""?fromSrc=-&repo=alpy-tools&tag=0123abcd&changes=LABEL alpy.image=tools&changes=ENV PATH=/bin:/sbin&changes=CMD ["sh"]""");
        request.ContentType.Should().Be("application/x-tar");
        request.BodyText.Should().Be("tar bytes");
    }

    [Fact]
    public async Task Given_an_error_inside_the_progress_stream_When_importing_Then_it_is_raised_with_the_daemon_message()
    {
        handler.On(HttpMethod.Post, "/images/create", HttpStatusCode.OK,
            "{\"status\":\"Downloading\"}\n{\"errorDetail\":{\"message\":\"archive/tar: invalid tar header\"},\"error\":\"archive/tar: invalid tar header\"}\n");
        using var client = FakeDocker.Client(handler);

        var import = () => client.Images.ImportAsync(new MemoryStream([1, 2, 3]), new ImageImportOptions { Repository = "x" }, TestContext.Current.CancellationToken);

        var error = (await import.Should().ThrowAsync<DockerException>()).Which;
        error.Message.Should().Be("Docker image import of x:latest failed: archive/tar: invalid tar header");
        error.DaemonMessage.Should().Be("archive/tar: invalid tar header");
    }

    [Fact]
    public async Task Given_a_progress_stream_without_an_id_When_importing_Then_the_error_says_so()
    {
        handler.On(HttpMethod.Post, "/images/create", HttpStatusCode.OK, "{\"status\":\"Importing\"}\n");
        using var client = FakeDocker.Client(handler);

        var import = () => client.Images.ImportAsync(new MemoryStream([1]), new ImageImportOptions(), TestContext.Current.CancellationToken);

        await import.Should().ThrowAsync<DockerException>().WithMessage("*ended without naming the new image*");
    }

    [Theory]
    [InlineData("LABEL a=b\nRUN rm -rf /")]
    [InlineData(" ")]
    public void Given_a_change_that_is_not_one_instruction_When_validated_Then_it_is_refused(string change)
    {
        var validate = () => new ImageImportOptions { Changes = [change] }.Validate();

        validate.Should().Throw<ArgumentException>().WithMessage("*one non-empty Dockerfile instruction on one line*");
    }

    [Fact]
    public async Task Given_filters_When_listing_Then_labels_references_and_dangling_are_sent()
    {
        handler.On(HttpMethod.Get, "/images/json", HttpStatusCode.OK,
            """[{"Id":"sha256:1","RepoTags":["alpy-tools:0123"],"Labels":{"alpy.image":"tools"},"Created":1700000000,"Size":12}]""");
        using var client = FakeDocker.Client(handler);

        var images = await client.Images.ListAsync(
            new ImageListOptions { Labels = ["alpy.image=tools"], References = ["alpy-tools"], Dangling = false }, TestContext.Current.CancellationToken);

        images.Should().ContainSingle().Which.RepoTags.Should().Equal("alpy-tools:0123");
        handler.Versioned.Single().Query.Should().Be("""?filters={"label":["alpy.image=tools"],"reference":["alpy-tools"],"dangling":["false"]}""");
    }

    [Fact]
    public async Task Given_an_image_reference_with_registry_and_tag_When_inspected_Then_slashes_and_colons_stay_in_the_path()
    {
        handler.On(HttpMethod.Get, "/images/", HttpStatusCode.OK, """{"Id":"sha256:1","RepoTags":["localhost:5000/alpy/tools:1"],"Created":"2026-11-21T20:58:07Z"}""");
        using var client = FakeDocker.Client(handler);

        var image = await client.Images.InspectAsync("localhost:5000/alpy/tools:1", TestContext.Current.CancellationToken);

        image.Id.Should().Be("sha256:1");
        handler.Versioned.Single().VersionedPath.Should().Be("/v1.41/images/localhost:5000/alpy/tools:1/json");
    }

    [Fact]
    public async Task Given_tag_and_remove_When_sent_Then_the_engine_api_paths_are_used()
    {
        handler.On(HttpMethod.Post, "/images/sha256:1/tag", HttpStatusCode.Created)
            .On(HttpMethod.Delete, "/images/alpy-tools:old", HttpStatusCode.OK, """[{"Untagged":"alpy-tools:old"},{"Deleted":"sha256:2"}]""");
        using var client = FakeDocker.Client(handler);

        await client.Images.TagAsync("sha256:1", "alpy-tools", "0123", TestContext.Current.CancellationToken);
        var removed = await client.Images.RemoveAsync("alpy-tools:old", cancellationToken: TestContext.Current.CancellationToken);

        handler.Versioned.Select(r => $"{r.Method} {r.Path}{r.Query}").Should().Equal(
            "POST /images/sha256:1/tag?repo=alpy-tools&tag=0123", "DELETE /images/alpy-tools:old?force=0");
        removed.Should().Equal(new ImageDeleteItem("alpy-tools:old", null), new ImageDeleteItem(null, "sha256:2"));
    }
}
