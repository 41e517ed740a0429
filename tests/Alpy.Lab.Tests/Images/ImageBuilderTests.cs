using Alpy.Lab.Docker;
using Alpy.Lab.Images;
using Alpy.Lab.Tests.Support;
using Docker.DotNet.Models;

namespace Alpy.Lab.Tests.Images;

[Collection(ImageBuilderDaemon.Name)]
[Trait("Category", "integration")]
public sealed class ImageBuilderTests(ImageBuilderFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ImageRecipe Small(string name, string motd = "hello\n") => new()
    {
        Name = name,
        Labels = fixture.Labels,
        Files = [new HostFile("/bin/busybox", "busybox-static")],
        Links = ImageRecipe.BusyboxApplets("busybox", "/bin", "sh", "cat", "echo"),
        GeneratedFiles = [GeneratedFile.FromText("/etc/motd", motd)],
        Environment = new Dictionary<string, string> { ["PATH"] = "/bin", ["GREETING"] = "a \"quoted\" $HOME \\ value" },
    };

    [Fact]
    public async Task Given_the_tools_recipe_When_built_Then_busybox_socat_iperf3_and_iproute2_run_in_it()
    {
        var image = await new ImageBuilder(fixture.Docker).EnsureAsync(ToolsImage.Recipe, Token);

        var busybox = await fixture.RunAsync(image.Reference, "busybox", "echo", "tools ok");
        var socat = await fixture.RunAsync(image.Reference, "socat", "-V");
        var iperf = await fixture.RunAsync(image.Reference, "iperf3", "-v");
        var ip = await fixture.RunAsync(image.Reference, "ip", "-V");
        var tc = await fixture.RunAsync(image.Reference, "tc", "-V");
        var links = await fixture.RunAsync(image.Reference, "ip", "-o", "link", "show");
        var ping = await fixture.RunAsync(image.Reference, "ping", "-c", "1", "-W", "2", "127.0.0.1");

        (busybox.ExitCode, busybox.Output.Stdout).Should().Be((0L, "tools ok\n"));
        socat.ExitCode.Should().Be(0);
        socat.Output.Stdout.Should().Contain("socat version");
        iperf.ExitCode.Should().Be(0);
        iperf.Output.Stdout.Should().StartWith("iperf 3");
        ip.ExitCode.Should().Be(0);
        ip.Output.Stdout.Should().Contain("iproute2");
        tc.ExitCode.Should().Be(0);
        links.Output.Stdout.Should().Contain("lo:");
        ping.ExitCode.Should().Be(0, ping.Output.Stdout + ping.Output.Stderr);
        image.Reference.Should().MatchRegex("^alpy-tools:[0-9a-f]{16}$");
    }

    [Fact]
    public async Task Given_a_built_image_When_ensured_again_Then_it_is_reused_not_rebuilt()
    {
        var builder = new ImageBuilder(fixture.Docker);
        var recipe = Small(fixture.RecipeName("reuse"));
        var first = await builder.EnsureAsync(recipe, Token);

        var second = await builder.EnsureAsync(recipe, Token);

        first.Built.Should().BeTrue();
        second.Should().Be(first with { Built = false });
        var inspected = await fixture.Docker.Images.InspectImageAsync(first.Reference, Token);
        inspected.Config!.Labels.Should().Contain(ImageLabels.Image, recipe.Name).And.Contain(ImageLabels.Hash, first.InputHash);
        (await fixture.RunAsync(first.Reference, "cat", "/etc/motd")).Output.Stdout.Should().Be("hello\n");
        (await fixture.RunAsync(first.Reference, "sh", "-c", "echo \"$GREETING\"")).Output.Stdout.Should().Be("a \"quoted\" $HOME \\ value\n");
    }

    [Fact]
    public async Task Given_three_builders_of_one_recipe_at_once_When_all_finish_Then_they_use_one_and_the_same_image()
    {
        var recipe = Small(fixture.RecipeName("race"));
        var clients = Enumerable.Range(0, 3).Select(_ => LabDockerClient.Create()).ToArray();

        BuiltImage[] results;
        try
        {
            results = await Task.WhenAll(clients.Select(client => Task.Run(() => new ImageBuilder(client).EnsureAsync(recipe, Token), Token)));
        }
        finally
        {
            Array.ForEach(clients, client => client.Dispose());
        }

        results.Select(r => r.Id).Distinct().Should().ContainSingle();
        results.Count(r => r.Built).Should().Be(1, "one builder builds, the others wait and reuse");
        var images = await fixture.Docker.Images.ListImagesAsync(new ImagesListParameters { Filters = DockerCalls.LabelFilter($"{ImageLabels.Hash}={results[0].InputHash}") }, Token);
        images.Should().ContainSingle().Which.ID.Should().Be(results[0].Id);
        (await fixture.Docker.Images.InspectImageAsync(results[0].Reference, Token)).ID.Should().Be(results[0].Id);
    }

    [Fact]
    public async Task Given_a_C_program_When_built_into_an_image_Then_it_runs_there_statically()
    {
        var recipe = Small(fixture.RecipeName("program")) with
        {
            Programs = [new CProgram("/usr/local/bin/hello", "#include <stdio.h>\nint main(int c, char **v) { printf(\"hello %s\\n\", v[1]); return 7; }\n", ["-O2", "-Wall"])],
        };

        var image = await new ImageBuilder(fixture.Docker).EnsureAsync(recipe, Token);
        var run = await fixture.RunAsync(image.Reference, "/usr/local/bin/hello", "lab");

        run.ExitCode.Should().Be(7);
        run.Output.Stdout.Should().Be("hello lab\n");
    }

    [Fact]
    public async Task Given_a_C_program_that_does_not_compile_When_built_Then_the_error_carries_gccs_message_and_nothing_is_imported()
    {
        var recipe = Small(fixture.RecipeName("broken")) with { Programs = [new CProgram("/usr/local/bin/broken", "int main(void) { return undefined_name; }\n", [])] };

        var build = () => new ImageBuilder(fixture.Docker).EnsureAsync(recipe, Token);

        await build.Should().ThrowAsync<ImageBuildException>().WithMessage("Image '*-broken': gcc failed (1) to compile /usr/local/bin/broken:*undefined_name*");
        (await fixture.Docker.Images.ListImagesAsync(new ImagesListParameters { Filters = DockerCalls.LabelFilter($"{ImageLabels.Image}={recipe.Name}") }, Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_an_older_build_of_a_recipe_When_the_changed_recipe_is_built_Then_the_stale_image_goes()
    {
        var builder = new ImageBuilder(fixture.Docker);
        var name = fixture.RecipeName("prune");
        var old = await builder.EnsureAsync(Small(name, "old\n"), Token);

        var current = await builder.EnsureAsync(Small(name, "new\n"), Token);

        current.Built.Should().BeTrue();
        (await LabDocker.ImageExistsAsync(fixture.Docker, old.Reference)).Should().BeFalse("a new build supersedes the recipe's older ones");
        (await LabDocker.ImageExistsAsync(fixture.Docker, current.Reference)).Should().BeTrue();
        (await builder.PruneStaleAsync(Small(name, "new\n"), Token)).Should().BeEmpty("nothing stale is left");
    }

    [Fact]
    public async Task Given_an_older_build_used_by_a_container_When_the_changed_recipe_is_built_Then_the_old_image_stays()
    {
        var builder = new ImageBuilder(fixture.Docker);
        var name = fixture.RecipeName("in-use");
        var old = await builder.EnsureAsync(Small(name, "old\n") with { Links = ImageRecipe.BusyboxApplets("busybox", "/bin", "sh", "sleep") }, Token);
        var user = await fixture.Docker.Containers.CreateContainerAsync(
            new CreateContainerParameters { Image = old.Reference, Cmd = ["sleep", "60"], Labels = fixture.Labels.ToDictionary(), HostConfig = new HostConfig { NetworkMode = "none" } },
            Token);
        await fixture.Docker.Containers.StartContainerAsync(user.ID, new ContainerStartParameters(), Token);

        await builder.EnsureAsync(Small(name, "new\n"), Token);

        (await LabDocker.ImageExistsAsync(fixture.Docker, old.Reference)).Should().BeTrue("a running container still uses it");
    }

    [Fact]
    public async Task Given_a_recipe_with_a_missing_host_file_When_built_Then_the_error_names_the_package_and_nothing_is_imported()
    {
        var recipe = Small(fixture.RecipeName("missing")) with { Files = [new HostFile("/usr/bin/alpy-missing-tool", "alpy-missing-package")] };

        var build = () => new ImageBuilder(fixture.Docker).EnsureAsync(recipe, Token);

        await build.Should().ThrowAsync<ImageBuildException>().WithMessage("*needs /usr/bin/alpy-missing-tool*Install the Debian package alpy-missing-package*");
        (await fixture.Docker.Images.ListImagesAsync(new ImagesListParameters { Filters = DockerCalls.LabelFilter($"{ImageLabels.Image}={recipe.Name}") }, Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_whole_debian_packages_When_built_Then_their_programs_run_with_their_libraries()
    {
        var recipe = Small(fixture.RecipeName("packages")) with { Packages = [new HostPackage("iperf3", Only: ["/usr/bin"]), new HostPackage("libiperf0")] };

        var image = await new ImageBuilder(fixture.Docker).EnsureAsync(recipe, Token);
        var iperf = await fixture.RunAsync(image.Reference, "/usr/bin/iperf3", "-v");
        var listing = await fixture.RunAsync(image.Reference, "sh", "-c", "cat /usr/lib/x86_64-linux-gnu/libiperf.so.0 > /dev/null && echo linked");

        iperf.ExitCode.Should().Be(0, iperf.Output.Stderr);
        iperf.Output.Stdout.Should().StartWith("iperf 3");
        listing.Output.Stdout.Should().Be("linked\n", "the package's soname link is in the image");
    }

    [Fact]
    public async Task Given_the_tag_taken_by_an_image_of_other_inputs_When_ensured_Then_the_image_is_rebuilt_and_the_tag_moved()
    {
        var builder = new ImageBuilder(fixture.Docker);
        var name = fixture.RecipeName("retag");
        var impostor = await builder.EnsureAsync(Small(name, "impostor\n"), Token);
        var wanted = ImagePlanner.ForHost().Plan(Small(name));
        await fixture.Docker.Images.TagImageAsync(impostor.Id, new ImageTagParameters { RepositoryName = wanted.Recipe.Repository, Tag = wanted.Tag }, Token);

        var built = await builder.EnsureAsync(Small(name), Token);

        built.Built.Should().BeTrue();
        built.Id.Should().NotBe(impostor.Id);
        (await fixture.RunAsync(built.Reference, "cat", "/etc/motd")).Output.Stdout.Should().Be("hello\n");
    }
}
