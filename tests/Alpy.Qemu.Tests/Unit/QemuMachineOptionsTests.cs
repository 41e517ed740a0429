using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit;

public sealed class QemuMachineOptionsTests : IDisposable
{
    private readonly TempDirectory _folder = TempDirectory.Create();

    public QemuMachineOptionsTests()
    {
        File.WriteAllText(_folder.File("vmlinuz"), "kernel");
        File.WriteAllText(_folder.File("initrd"), "initrd");
    }

    private QemuMachineOptions Valid => new()
    {
        Name = "alpy-test",
        RunDirectory = _folder.Path,
        Binary = "/bin/true",
        Kernel = _folder.File("vmlinuz"),
        Initrd = _folder.File("initrd"),
        Append = "console=ttyS0",
        Nics = [new QemuNic("alpyt0", "52:54:00:00:00:01"), new QemuNic("alpyt1", "52:54:00:00:00:02")],
    };

    public void Dispose() => _folder.Dispose();

    private static void ShouldBeRefused(QemuMachineOptions options, string option, string message)
    {
        var validating = options.Validate;
        validating.Should().Throw<QemuOptionsException>().WithMessage(message).Which.ParamName.Should().Be(option);
    }

    [Fact]
    public void Given_complete_options_When_validated_Then_they_pass()
    {
        Valid.Validate();
    }

    [Fact]
    public void Given_a_qemu_binary_not_on_path_When_validated_Then_the_error_names_the_debian_package()
    {
        ShouldBeRefused(Valid with { Binary = "qemu-system-nonexistent" }, "Binary", "*not on PATH*qemu-system-x86*install-prerequisites*");
    }

    [Fact]
    public void Given_a_qemu_binary_that_is_not_executable_When_validated_Then_it_is_refused()
    {
        ShouldBeRefused(Valid with { Binary = _folder.File("vmlinuz") }, "Binary", "*vmlinuz is not executable*");
    }

    [Fact]
    public void Given_a_missing_kernel_When_validated_Then_the_error_says_how_to_build_it()
    {
        ShouldBeRefused(Valid with { Kernel = _folder.File("nope") }, "Kernel", "*nope does not exist*dut/rabbit/build*");
    }

    [Fact]
    public void Given_neither_kernel_nor_disk_When_validated_Then_it_is_refused()
    {
        ShouldBeRefused(Valid with { Kernel = null, Initrd = null, Append = null }, "Kernel", "*either a kernel*or a disk image*");
    }

    [Fact]
    public void Given_a_kernel_command_line_with_a_line_break_When_validated_Then_it_is_refused()
    {
        ShouldBeRefused(Valid with { Append = "quiet\ninit=/bin/evil" }, "Append", "*control character*");
    }

    [Theory]
    [InlineData("52:54:00:00:00", "*not six hex pairs*")]
    [InlineData("53:54:00:00:00:01", "*multicast*")]
    public void Given_a_bad_mac_When_validated_Then_the_error_names_the_nic_and_the_fix(string mac, string message)
    {
        ShouldBeRefused(Valid with { Nics = [new QemuNic("alpyt0", mac)] }, "Nics", $"NIC 0 (link 0)*{message}");
    }

    [Fact]
    public void Given_a_tap_name_longer_than_linux_allows_When_validated_Then_it_is_refused()
    {
        ShouldBeRefused(Valid with { Nics = [new QemuNic("alpy0123456789ab", "52:54:00:00:00:01")] }, "Nics", "*not a Linux interface name*");
    }

    [Fact]
    public void Given_two_links_on_one_tap_When_validated_Then_the_second_is_refused()
    {
        ShouldBeRefused(
            Valid with { Nics = [new QemuNic("alpyt0", "52:54:00:00:00:01"), new QemuNic("alpyt0", "52:54:00:00:00:02")] },
            "Nics",
            "NIC 1 (link 1)*used by an earlier NIC*");
    }

    [Fact]
    public void Given_a_run_folder_too_deep_for_unix_sockets_When_validated_Then_the_error_suggests_a_socket_folder()
    {
        ShouldBeRefused(Valid with { RunDirectory = "/" + string.Join('/', Enumerable.Repeat("deep-folder", 10)) }, "SocketDirectory", "*unix sockets allow 107*SocketDirectory*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("comma,injects=options")]
    public void Given_a_name_qemu_cannot_take_When_validated_Then_it_is_refused(string name)
    {
        ShouldBeRefused(Valid with { Name = name }, "Name", "*not usable as QEMU's -name*");
    }

    [Fact]
    public void Given_a_cpu_model_with_a_space_When_validated_Then_it_is_refused()
    {
        ShouldBeRefused(Valid with { Cpu = "max -device evil" }, "Cpu", "*not a QEMU CPU model*");
    }
}
