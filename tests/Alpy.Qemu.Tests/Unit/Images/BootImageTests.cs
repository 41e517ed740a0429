using System.Text;
using Alpy.Qemu.Images;
using Alpy.Qemu.Serial;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit.Images;

public sealed class BootImageTests : IDisposable
{
    private readonly TempDirectory _folder = TempDirectory.Create();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private string Manifest(bool withKernel = true)
    {
        File.WriteAllText(_folder.File("initramfs.cpio"), "initrd");
        if (withKernel)
        {
            File.WriteAllText(_folder.File("vmlinux"), "kernel");
        }

        var manifest = _folder.File("manifest.json");
        File.WriteAllText(manifest, $$"""
            {
              "name": "rabbit",
              "key": "0123456789abcdef",
              "kernel": "{{_folder.File("vmlinux")}}",
              "initrd": "{{_folder.File("initramfs.cpio")}}",
              "kernelVersion": "6.1.0-56-cloud-amd64",
              "append": "console=ttyS0 quiet",
              "addressParameter": "rabbit.addr",
              "readyPattern": "rabbit: ready",
              "failurePattern": "rabbit: failed",
              "prompt": "rabbit# ",
              "resetCommand": "rabbit-reset",
              "packages": { "nftables": "1.0.6-2+deb12u2" },
              "modules": ["virtio_net"]
            }
            """);
        return manifest;
    }

    private string Recipe(string body)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Recipes are shell scripts run on Linux.");
        }

        var recipe = _folder.File("recipe");
        File.WriteAllText(recipe, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(recipe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return recipe;
    }

    [Fact]
    public void Given_a_manifest_When_loaded_Then_every_field_is_read()
    {
        var image = BootImage.Load(Manifest());

        image.Should().BeEquivalentTo(new
        {
            Name = "rabbit",
            Key = "0123456789abcdef",
            Kernel = _folder.File("vmlinux"),
            Append = "console=ttyS0 quiet",
            ReadyPattern = "rabbit: ready",
            FailurePattern = "rabbit: failed",
            Prompt = "rabbit# ",
            ResetCommand = "rabbit-reset",
            ManifestPath = _folder.File("manifest.json"),
        });
        image.Packages.Should().Contain("nftables", "1.0.6-2+deb12u2");
    }

    [Fact]
    public void Given_a_manifest_whose_kernel_is_gone_When_loaded_Then_the_error_says_to_rebuild()
    {
        var loading = () => BootImage.Load(Manifest(withKernel: false));

        loading.Should().Throw<QemuException>().WithMessage("*kernel*vmlinux*does not exist*--force*");
    }

    [Fact]
    public void Given_a_broken_manifest_When_loaded_Then_the_error_names_the_file()
    {
        File.WriteAllText(_folder.File("manifest.json"), "{ not json");

        var loading = () => BootImage.Load(_folder.File("manifest.json"));

        loading.Should().Throw<QemuException>().WithMessage($"*{_folder.File("manifest.json")} cannot be read*");
    }

    [Fact]
    public async Task Given_a_recipe_that_prints_its_manifest_When_built_Then_the_image_is_loaded()
    {
        var manifest = Manifest();

        var image = await BootImageRecipe.BuildAsync(Recipe($"echo 'progress goes to stderr' >&2\necho '{manifest}'"), cancellationToken: Cancellation);

        image.ManifestPath.Should().Be(manifest);
    }

    [Fact]
    public async Task Given_a_failing_recipe_When_built_Then_the_error_carries_its_exit_code_and_stderr()
    {
        var building = () => BootImageRecipe.BuildAsync(Recipe("echo \"rabbit: error: 'cpio' is missing\" >&2\nexit 3"), cancellationToken: Cancellation);

        await building.Should().ThrowAsync<QemuException>().WithMessage("*failed with exit code 3*| rabbit: error: 'cpio' is missing*");
    }

    [Fact]
    public async Task Given_a_recipe_that_hangs_When_its_timeout_passes_Then_it_is_killed_and_reported()
    {
        var building = () => BootImageRecipe.BuildAsync(Recipe("sleep 600"), timeout: TimeSpan.FromMilliseconds(300), cancellationToken: Cancellation);

        await building.Should().ThrowAsync<QemuException>().WithMessage("*did not finish within*");
    }

    [Fact]
    public void Given_a_start_folder_below_the_recipe_When_searching_Then_the_nearest_ancestor_s_recipe_is_found()
    {
        Directory.CreateDirectory(_folder.File("dut/rabbit"));
        File.WriteAllText(_folder.File("dut/rabbit/build"), string.Empty);
        Directory.CreateDirectory(_folder.File("a/b/c"));

        BootImageRecipe.Find(startDirectory: _folder.File("a/b/c")).Should().Be(_folder.File("dut/rabbit/build"));
        BootImageRecipe.Find("no/such/recipe", _folder.File("a")).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_dut_that_reports_failure_When_waiting_until_ready_Then_its_reason_is_thrown_at_once()
    {
        var waiting = () => WaitForReadyOnConsoleShowingAsync("rabbit: failed: rabbit.addr link 0: '10.0.0.1' has no prefix length\r\n\r\nrabbit# ");

        await waiting.Should().ThrowAsync<QemuException>().WithMessage("*reported: rabbit: failed: rabbit.addr link 0: '10.0.0.1' has no prefix length*");
    }

    [Fact]
    public async Task Given_a_dut_that_gets_ready_When_waiting_Then_it_returns_once_the_prompt_is_there()
    {
        await WaitForReadyOnConsoleShowingAsync("rabbit: ready (2 links)\r\n\r\nrabbit# ");
    }

    [Fact]
    public async Task Given_a_failure_line_arriving_in_pieces_When_waiting_until_ready_Then_the_whole_reason_is_reported()
    {
        var waiting = () => WaitForReadyOnConsoleShowingAsync("rabbit: failed: rabbit.vl", "an: VLAN id 5000 in '0.5000=x' is outside 1-4094\r\n");

        await waiting.Should().ThrowAsync<QemuException>().WithMessage("*reported: rabbit: failed: rabbit.vlan: VLAN id 5000 in '0.5000=x' is outside 1-4094.*");
    }

    private async Task WaitForReadyOnConsoleShowingAsync(params string[] pieces)
    {
        var image = BootImage.Load(Manifest());
        await using var pair = await SocketPair.CreateAsync(Cancellation);
        await using var console = SerialConsole.Attach(pair.Client);
        var waiting = image.Readiness.WaitAsync(console, TimeSpan.FromSeconds(30), Cancellation);
        foreach (var piece in pieces)
        {
            await pair.Server.WriteAsync(Encoding.ASCII.GetBytes(piece), Cancellation);
            await Task.Delay(100, Cancellation);
        }

        await waiting;
    }
}
