using System.Text;
using Alpy.Lab.Images;

namespace Alpy.Lab.Tests.Images;

public sealed class ImagePlannerTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly ImagePlanner planner = new(new LibrarySearchPath([]));

    public void Dispose() => temp.Dispose();

    private ImageRecipe Recipe(string content = "payload") => new()
    {
        Name = "probe",
        Files = [new HostFile(temp.File("bin/tool", Encoding.ASCII.GetBytes(content), (UnixFileMode)Convert.ToInt32("755", 8)), "probe-tools", "/usr/bin/tool")],
        Links = [new ImageLink("/usr/bin/alias", "tool")],
        Directories = [new ImageDirectory("/tmp", ImageDirectory.Sticky)],
        GeneratedFiles = [GeneratedFile.FromText("/etc/motd", "hello\n")],
        Programs = [new CProgram("/usr/local/bin/helper", "int main(void) { return 0; }\n", ["-O2"])],
        Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin" },
        Cmd = ["tool"],
    };

    [Fact]
    public void Given_the_same_recipe_When_planned_twice_Then_the_hash_and_tag_are_the_same()
    {
        var first = planner.Plan(Recipe());
        var second = planner.Plan(Recipe());

        second.InputHash.Should().Be(first.InputHash).And.MatchRegex("^[0-9a-f]{64}$");
        first.Reference.Should().Be($"alpy-probe:{first.InputHash[..16]}");
    }

    public static TheoryData<string, Func<ImageRecipe, ImageRecipe>> Changes() => new()
    {
        { "a link", r => r with { Links = [.. r.Links, new ImageLink("/bin/sh", "busybox")] } },
        { "a link target", r => r with { Links = [new ImageLink("/usr/bin/alias", "other")] } },
        { "a directory mode", r => r with { Directories = [new ImageDirectory("/tmp")] } },
        { "a generated file", r => r with { GeneratedFiles = [GeneratedFile.FromText("/etc/motd", "bye\n")] } },
        { "a generated file's mode", r => r with { GeneratedFiles = [GeneratedFile.FromText("/etc/motd", "hello\n", UnixFileMode.UserRead)] } },
        { "a program's source", r => r with { Programs = [new CProgram("/usr/local/bin/helper", "int main(void) { return 1; }\n", ["-O2"])] } },
        { "a program's compiler arguments", r => r with { Programs = [new CProgram("/usr/local/bin/helper", "int main(void) { return 0; }\n", ["-O0"])] } },
        { "the environment", r => r with { Environment = new Dictionary<string, string> { ["PATH"] = "/bin" } } },
        { "the command", r => r with { Cmd = ["tool", "-v"] } },
        { "a label", r => r with { Labels = new Dictionary<string, string> { ["alpy.test"] = "x" } } },
        { "the name", r => r with { Name = "probe2" } },
        { "a file's image path", r => r with { Files = [r.Files[0] with { ImagePath = "/bin/tool" }] } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Given_a_recipe_When_one_input_changes_Then_the_hash_changes(string change, Func<ImageRecipe, ImageRecipe> modify)
    {
        var before = planner.Plan(Recipe()).InputHash;

        var after = planner.Plan(modify(Recipe())).InputHash;

        after.Should().NotBe(before, $"changing {change} changes the image");
    }

    [Fact]
    public void Given_a_host_file_When_its_content_changes_Then_the_hash_changes()
    {
        var before = planner.Plan(Recipe("version 1")).InputHash;

        var after = planner.Plan(Recipe("version 2")).InputHash;

        after.Should().NotBe(before);
    }

    [Fact]
    public void Given_the_same_entries_in_another_order_When_planned_Then_the_hash_is_the_same()
    {
        var recipe = Recipe() with { Links = [new ImageLink("/bin/a", "x"), new ImageLink("/bin/b", "y")] };

        var reordered = recipe with { Links = [.. recipe.Links.Reverse()] };

        planner.Plan(reordered).InputHash.Should().Be(planner.Plan(recipe).InputHash);
    }

    [Fact]
    public void Given_a_recipe_When_planned_Then_parents_come_before_children_and_set_uid_bits_are_dropped()
    {
        var setUid = temp.File("bin/suid", [1, 2, 3], (UnixFileMode)Convert.ToInt32("4755", 8));
        var recipe = Recipe() with { Files = [new HostFile(setUid, "probe", "/usr/bin/suid")] };

        var plan = planner.Plan(recipe);

        plan.Entries.Select(e => e.Path).Should().StartWith(["/etc", "/etc/motd", "/tmp", "/usr", "/usr/bin", "/usr/bin/alias", "/usr/bin/suid"]);
        plan.Entries.OfType<FileEntry>().Single(e => e.Path == "/usr/bin/suid").Mode.Should().Be((UnixFileMode)Convert.ToInt32("755", 8));
        plan.Entries.OfType<DirectoryEntry>().Single(e => e.Path == "/tmp").Mode.Should().Be(ImageDirectory.Sticky);
    }

    [Fact]
    public void Given_a_missing_host_file_When_planned_Then_the_error_names_the_debian_package()
    {
        var recipe = Recipe() with { Files = [new HostFile("/usr/bin/alpy-no-such-tool", "alpy-no-such-package")] };

        var plan = () => planner.Plan(recipe);

        plan.Should().Throw<ImageBuildException>().WithMessage(
            "Image 'probe' needs /usr/bin/alpy-no-such-tool, which is missing on this host. Install the Debian package alpy-no-such-package "
            + "(apt-get install alpy-no-such-package, or run scripts/install-prerequisites).");
    }

    [Fact]
    public void Given_two_entries_claiming_one_path_When_validated_Then_both_are_named()
    {
        var recipe = Recipe() with { Links = [new ImageLink("/etc/motd", "x")] };

        var plan = () => planner.Plan(recipe);

        plan.Should().Throw<ArgumentException>().WithMessage("Image recipe 'probe': generated file /etc/motd and link /etc/motd both claim /etc/motd.");
    }

    [Theory]
    [InlineData("Tools")]
    [InlineData("-tools")]
    [InlineData("tools/x")]
    [InlineData("")]
    public void Given_a_bad_name_When_validated_Then_it_is_refused(string name)
    {
        var recipe = Recipe() with { Name = name };

        recipe.Invoking(r => r.Validate()).Should().Throw<ArgumentException>().WithMessage($"Image recipe name '{name}' must be*");
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("/etc/../root/x")]
    [InlineData("/etc//x")]
    [InlineData("/etc/x/")]
    public void Given_a_path_that_is_not_absolute_and_normalised_When_validated_Then_it_is_refused(string path)
    {
        var recipe = Recipe() with { GeneratedFiles = [GeneratedFile.FromText(path, "x")] };

        recipe.Invoking(r => r.Validate()).Should().Throw<ArgumentException>().WithMessage($"*'{path}', which is not an absolute, normalised path.");
    }

    [Fact]
    public void Given_the_tools_recipe_When_planned_on_this_host_Then_it_holds_the_tools_their_libraries_and_the_loader()
    {
        var plan = ImagePlanner.ForHost().Plan(ToolsImage.Recipe);

        var paths = plan.Entries.Select(e => e.Path).ToHashSet();
        paths.Should().Contain(["/bin/busybox", "/usr/bin/socat", "/usr/bin/iperf3", "/sbin/ip", "/sbin/tc", "/bin/sh", "/bin/ping", "/tmp"]);
        paths.Should().Contain("/lib64/ld-linux-x86-64.so.2");
        paths.Should().Contain(p => p.EndsWith("/libiperf.so.0", StringComparison.Ordinal));
        paths.Should().NotContain("/bin/ip", "iproute2's ip replaces busybox's");
        plan.Entries.OfType<LinkEntry>().Should().OnlyContain(link => link.Target == "busybox");
    }

    [Fact]
    public void Given_an_installed_package_When_planned_Then_its_files_and_links_are_in_and_its_directories_implied()
    {
        var tool = temp.File("pkg/bin/tool", [7, 7, 7], (UnixFileMode)Convert.ToInt32("755", 8));
        var alias = Path.Combine(temp.Path, "pkg/bin/alias");
        File.CreateSymbolicLink(alias, "tool");
        var readme = temp.File("pkg/doc/README", [1]);
        var dpkg = Path.Combine(temp.Path, "dpkg");
        temp.File("dpkg/probe:amd64.list", Encoding.UTF8.GetBytes($"/.\n{temp.Path}/pkg\n{temp.Path}/pkg/bin\n{tool}\n{alias}\n{readme}\n"));
        var planner = new ImagePlanner(new LibrarySearchPath([]), dpkg);

        var plan = planner.Plan(new ImageRecipe { Name = "probe", Packages = [new HostPackage("probe", Only: [Path.Combine(temp.Path, "pkg/bin")])] });

        plan.Entries.OfType<FileEntry>().Should().ContainSingle().Which.Path.Should().Be(tool);
        plan.Entries.OfType<LinkEntry>().Should().ContainSingle().Which.Should().Be(new LinkEntry(alias, "tool"));
        plan.Entries.Select(e => e.Path).Should().NotContain(readme).And.Contain(Path.Combine(temp.Path, "pkg/bin"));
    }

    [Fact]
    public void Given_a_package_that_is_not_installed_When_planned_Then_the_error_says_to_install_it()
    {
        var planner = new ImagePlanner(new LibrarySearchPath([]), temp.Path);

        var plan = () => planner.Plan(new ImageRecipe { Name = "probe", Packages = [new HostPackage("alpy-absent")] });

        plan.Should().Throw<ImageBuildException>().WithMessage(
            "Image 'probe' needs the Debian package alpy-absent, which is not installed on this host. "
            + "Install it: apt-get install alpy-absent (and add it to scripts/install-prerequisites).");
    }

    [Theory]
    [InlineData("/usr/bin/iperf3", true)]
    [InlineData("/usr/share/doc/iperf3/copyright", false)]
    [InlineData("/usr/share/man/man1/iperf3.1.gz", false)]
    [InlineData("/lib/systemd/system/iperf3.service", false)]
    [InlineData("/etc/init.d/iperf3", false)]
    public void Given_a_packaged_path_When_filtered_Then_documentation_and_services_stay_out(string path, bool included) =>
        new HostPackage("iperf3").Includes(path).Should().Be(included);

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("../etc")]
    [InlineData("")]
    public void Given_a_bad_package_name_When_validated_Then_it_is_refused(string name)
    {
        var recipe = new ImageRecipe { Name = "probe", Packages = [new HostPackage(name)] };

        recipe.Invoking(r => r.Validate()).Should().Throw<ArgumentException>().WithMessage($"*'{name}' is not a Debian package name.");
    }

    [Theory]
    [InlineData("alpy.test", "two words")]
    [InlineData("bad key", "v")]
    [InlineData("alpy.image.hash", "forged")]
    public void Given_a_label_that_could_break_or_forge_the_configuration_When_validated_Then_it_is_refused(string name, string value)
    {
        var recipe = Recipe() with { Labels = new Dictionary<string, string> { [name] = value } };

        recipe.Invoking(r => r.Validate()).Should().Throw<ArgumentException>().WithMessage($"*label '{name}={value}' must use*");
    }
}
