using System.Formats.Tar;
using System.Net;
using System.Text;
using Alpy.Docker.Tests.Fakes;

namespace Alpy.Docker.Tests.Unit;

public sealed class ArchiveTests
{
    private readonly FakeDockerHandler handler = new();

    [Fact]
    public async Task Given_small_files_When_uploaded_Then_a_tar_with_their_names_modes_and_contents_is_put()
    {
        handler.On(HttpMethod.Put, "/containers/helper/archive", HttpStatusCode.OK);
        using var client = FakeDocker.Client(handler);
        var files = new[]
        {
            ArchiveFile.FromText("run.sh", "#!/bin/sh\necho hi\n", UnixFileMode.UserRead | UnixFileMode.UserExecute),
            new ArchiveFile("conf/addr", new byte[] { 10, 0, 0, 1 }),
        };

        await client.Containers.UploadFilesAsync("helper", "/input", files, TestContext.Current.CancellationToken);

        var request = handler.Versioned.Single();
        request.Query.Should().Be("?path=/input&noOverwriteDirNonDir=1");
        request.ContentType.Should().Be("application/x-tar");
        var entries = await ReadTar(request.Body);
        entries.Select(e => (e.Name, e.Mode, e.Content)).Should().Equal(
            ("run.sh", UnixFileMode.UserRead | UnixFileMode.UserExecute, "#!/bin/sh\necho hi\n"),
            ("conf/addr", ArchiveFile.DefaultMode, "\n\0\0\u0001"));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task Given_a_file_name_that_could_escape_When_uploading_Then_it_is_refused_before_any_request(string name)
    {
        using var client = FakeDocker.Client(handler);

        var upload = () => client.Containers.UploadFilesAsync("helper", "/input", [ArchiveFile.FromText(name, "x")], TestContext.Current.CancellationToken);

        await upload.Should().ThrowAsync<ArgumentException>().WithMessage($"Archive file name '{name}' must be a relative path*");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_relative_directory_When_uploading_Then_it_is_refused()
    {
        using var client = FakeDocker.Client(handler);

        var upload = () => client.Containers.UploadFilesAsync("helper", "input", [], TestContext.Current.CancellationToken);

        await upload.Should().ThrowAsync<ArgumentException>().WithMessage("*must be an absolute path in the container*");
    }

    private static async Task<List<(string Name, UnixFileMode Mode, string Content)>> ReadTar(byte[] tar)
    {
        var entries = new List<(string, UnixFileMode, string)>();
        await using var reader = new TarReader(new MemoryStream(tar));
        while (await reader.GetNextEntryAsync(cancellationToken: TestContext.Current.CancellationToken) is { } entry)
        {
            using var content = new MemoryStream();
            await entry.DataStream!.CopyToAsync(content, TestContext.Current.CancellationToken);
            entries.Add((entry.Name, entry.Mode, Encoding.UTF8.GetString(content.ToArray())));
        }

        return entries;
    }
}
