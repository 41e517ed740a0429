using System.Diagnostics;
using Alpy.Qemu.Serial;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Integration;

/// <summary>Start, stop and the ways QEMU fails, each with a machine of its own; every test checks that nothing
/// (process, socket, pidfile) is left behind.</summary>
[Collection(OneQemuAtATime.Name)]
public sealed class QemuLifecycleTests(RabbitImage rabbit) : IDisposable
{
    private readonly TempDirectory _run = TempDirectory.Create();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _run.Dispose();

    private static void ShouldBeGone(QemuMachine machine)
    {
        machine.HasExited.Should().BeTrue();
        Directory.Exists($"/proc/{machine.Pid}").Should().BeFalse($"QEMU (pid {machine.Pid}) must not outlive its machine");
        File.Exists(machine.Options.ConsoleSocketPath).Should().BeFalse();
        File.Exists(machine.Options.QmpSocketPath).Should().BeFalse();
        File.Exists(machine.Options.PidFilePath).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_running_machine_When_quit_over_qmp_Then_qemu_exits_cleanly_and_leaves_only_its_logs()
    {
        var machine = await Rabbit.BootAsync(rabbit.Image, Rabbit.Options(rabbit.Image, _run.Path));
        File.ReadAllText(machine.Options.PidFilePath).Trim().Should().Be(machine.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var shutdown = machine.Qmp.WaitForEventAsync("SHUTDOWN", cancellationToken: Cancellation);
        var exitCode = await machine.QuitAsync(cancellationToken: Cancellation);
        await machine.DisposeAsync();

        exitCode.Should().Be(0);
        (await shutdown).Data.GetProperty("reason").GetString().Should().Be("host-qmp-quit");
        ShouldBeGone(machine);
        File.ReadAllText(machine.Options.ConsoleTextLogPath).Should().Contain("rabbit: ready");
        File.ReadAllLines(machine.Options.CommandLinePath).Should().Contain("-nodefaults");
    }

    [Fact]
    public async Task Given_a_running_rabbit_When_the_acpi_power_button_is_pressed_Then_the_guest_powers_off_and_qemu_exits()
    {
        await using var machine = await Rabbit.BootAsync(rabbit.Image, Rabbit.Options(rabbit.Image, _run.Path));
        var shutdown = machine.Qmp.WaitForEventAsync("SHUTDOWN", TimeSpan.FromSeconds(60), Cancellation);

        var exitCode = await machine.PowerdownAsync(TimeSpan.FromSeconds(60), Cancellation);

        exitCode.Should().Be(0);
        (await shutdown).Data.GetProperty("guest").GetBoolean().Should().BeTrue("the guest itself powered off");
    }

    [Fact]
    public async Task Given_qemu_killed_mid_command_When_waiting_Then_the_wait_fails_at_once_with_stderr_and_console_tails()
    {
        await using var machine = await Rabbit.BootAsync(rabbit.Image, Rabbit.Options(rabbit.Image, _run.Path));
        var running = machine.Console.RunAsync("echo started; sleep 600", TimeSpan.FromSeconds(120), Cancellation);
        await Task.Delay(500, Cancellation);
        var clock = Stopwatch.StartNew();

        await Command.RunCheckedAsync(["kill", "-KILL", machine.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], Cancellation);

        var error = (await FluentActions.Awaiting(() => running).Should().ThrowAsync<QemuExitedException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "a dead QEMU fails the wait long before its 120 s timeout");
        error.ExitCode.Should().Be(137);
        error.Message.Should().Contain("killed by signal 9 (SIGKILL)").And.Contain("running `echo started; sleep 600`");
        error.ConsoleTail.Should().Contain("rabbit: ready");
        error.Message.Should().Contain("Console (last lines)");
        await FluentActions.Awaiting(() => machine.Qmp.QueryStatusAsync(Cancellation)).Should().ThrowAsync<QemuExitedException>();
    }

    [Fact]
    public async Task Given_a_dut_that_never_gets_ready_When_waiting_for_its_marker_Then_the_timeout_error_carries_the_console_tail()
    {
        var options = Rabbit.Options(rabbit.Image, _run.Path, plan: "rabbit.addr=192.168.0.1");
        await using var machine = await QemuMachine.StartAsync(options, cancellationToken: Cancellation);
        await machine.Console.WaitForAsync("rabbit: failed", Rabbit.BootTimeout, Cancellation);

        var waiting = () => machine.Console.WaitForAsync(rabbit.Image.ReadyPattern, TimeSpan.FromSeconds(2), Cancellation);

        var error = (await waiting.Should().ThrowAsync<ConsoleTimeoutException>()).Which;
        error.Message.Should().Contain("did not show text \"rabbit: ready\" within 2 s.").And.Contain(machine.Options.ConsoleTextLogPath);
        error.ConsoleTail.Should().Contain("rabbit: failed: rabbit.addr has an entry for link 0, but the machine has 0 NICs");
    }

    [Fact]
    public async Task Given_a_bad_address_plan_When_waiting_until_ready_Then_the_dut_s_own_reason_is_reported_at_once()
    {
        var options = Rabbit.Options(rabbit.Image, _run.Path, plan: "rabbit.vlan=0.5000=192.168.10.1/24");
        await using var machine = await QemuMachine.StartAsync(options, cancellationToken: Cancellation);

        var waiting = () => rabbit.Image.Readiness.WaitAsync(machine.Console, Rabbit.BootTimeout, Cancellation);

        (await waiting.Should().ThrowAsync<QemuException>()).Which.Message
            .Should().Contain("reported: rabbit: failed: rabbit.vlan: '0.5000=192.168.10.1/24' names link 0, but the machine has 0 NICs");
    }

    [Fact]
    public async Task Given_an_option_qemu_rejects_When_starting_Then_the_error_quotes_qemus_stderr_and_nothing_is_left()
    {
        var options = Rabbit.Options(rabbit.Image, _run.Path) with { ExtraArgs = ["-device", "no-such-device"] };

        var starting = () => QemuMachine.StartAsync(options, cancellationToken: Cancellation);

        var error = (await starting.Should().ThrowAsync<QemuExitedException>()).Which;
        error.ExitCode.Should().Be(1);
        error.StderrTail.Should().Contain("no-such-device");
        error.Message.Should().Contain("while starting");
        File.Exists(options.ConsoleSocketPath).Should().BeFalse();
        File.Exists(options.QmpSocketPath).Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_machine_When_disposed_without_quitting_Then_qemu_is_gone_with_its_sockets()
    {
        var machine = await QemuMachine.StartAsync(Rabbit.Options(rabbit.Image, _run.Path), cancellationToken: Cancellation);

        await machine.DisposeAsync();
        await machine.DisposeAsync();

        ShouldBeGone(machine);
    }
}
