using Alpy.Lab.Images;
using Alpy.Lab.Runs;
using Alpy.Lab.Tests.Support;

namespace Alpy.Lab.Tests.Lifecycle;

/// <summary>
/// Each fault gives an error that names the cause and the fix, and leaves nothing behind: no run
/// folder in the registry, no container, no tap, no QEMU.
/// </summary>
[Trait("Category", "integration")]
[Collection(QemuLabs.Name)]
public sealed class FaultTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_no_Docker_daemon_at_the_socket_When_the_lab_starts_Then_it_says_so_and_what_to_run()
    {
        var options = await LabFactory.OptionsAsync() with
        {
            DockerEndpoint = new Uri("unix:///tmp/alpy-test-no-such-docker.sock"),
        };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("Docker daemon").And.Contain("/tmp/alpy-test-no-such-docker.sock");
    }

    [Fact]
    public async Task Given_a_missing_QEMU_binary_When_the_lab_starts_Then_the_error_names_the_Debian_package()
    {
        var options = await LabFactory.OptionsAsync() with { QemuBinary = "/nonexistent/qemu-system-x86_64" };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("/nonexistent/qemu-system-x86_64").And.Contain("qemu-system-x86");
    }

    [Fact]
    public async Task Given_a_missing_kernel_When_the_lab_starts_Then_the_error_names_the_file_and_how_to_build_it()
    {
        var options = await LabFactory.OptionsAsync();
        options = options with { Dut = options.Dut with { Kernel = "/nonexistent/vmlinuz" } };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("/nonexistent/vmlinuz").And.Contain("dut/rabbit/build");
    }

    [Fact]
    public async Task Given_a_DUT_that_never_prints_its_ready_marker_When_the_lab_starts_Then_the_error_carries_the_console_tail()
    {
        var options = await LabFactory.OptionsAsync();
        options = options with
        {
            // A verbose kernel prints from its first moment, so the tail has content even on a loaded machine.
            Dut = options.Dut with { ReadyPattern = "marker-rabbit-never-prints", Append = options.Dut.Append.Replace("quiet loglevel=1", "loglevel=7", StringComparison.Ordinal) },
            Timeouts = new LabTimeouts { Boot = TimeSpan.FromSeconds(15) },
        };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("did not reach its prompt").And.Contain("Console (last")
            .And.MatchRegex(@"\|\s+\[\s*[0-9]+\.[0-9]+\] ", "the console tail shows the kernel's lines");
    }

    [Fact]
    public async Task Given_a_tools_image_without_iproute2_When_the_lab_creates_its_taps_Then_the_error_names_the_step_and_image()
    {
        var image = await BuildImageAsync(new ImageRecipe
        {
            Name = "lab-test-busybox",
            Files = [new HostFile("/bin/busybox", "busybox-static")],
            Links = ImageRecipe.BusyboxApplets("busybox", "/bin", "sh", "cat", "sleep"),
        });
        var options = await LabFactory.OptionsAsync() with { ToolsImage = image };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("Could not create taps").And.Contain("/sbin/ip");
    }

    [Fact]
    public async Task Given_a_tools_image_without_a_shell_When_the_lab_starts_its_nodes_Then_the_error_names_the_node()
    {
        var image = await BuildImageAsync(new ImageRecipe { Name = "lab-test-iproute2", Files = [new HostFile("/sbin/ip", "iproute2")] });
        var options = await LabFactory.OptionsAsync() with { ToolsImage = image };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("node node0").And.Contain("/bin/sh");
    }

    [Fact]
    public async Task Given_a_tools_image_that_does_not_exist_When_the_lab_starts_Then_the_error_names_the_image()
    {
        var options = await LabFactory.OptionsAsync() with { ToolsImage = "alpy-no-such-image:none" };

        var error = await StartFailsAsync(options);

        error.Message.Should().Contain("alpy-no-such-image:none").And.MatchRegex("could not start at '[a-z ]+' ", "the message names the bring-up phase that broke");
    }

    /// <summary>Starts a lab that must fail; asserts the failure left nothing of its run behind and returns the error.</summary>
    private static async Task<LabException> StartFailsAsync(LabOptions options)
    {
        var act = () => Lab.StartAsync(options, cancellationToken: Token);

        var error = (await act.Should().ThrowAsync<LabException>()).Which;
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
        if (error.Run is { } run)
            await NoTrash.AssertAsync(run);
        return error;
    }

    private static async Task<string> BuildImageAsync(ImageRecipe recipe)
    {
        using var docker = LabDocker.Client();
        return (await new ImageBuilder(docker).EnsureAsync(recipe, Token)).Reference;
    }
}
