using Alpy.Qemu.Qmp;
using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Tests.Integration;

[Collection(OneQemuAtATime.Name)]
public sealed class RabbitConsoleTests(BootedRabbit rabbit) : IClassFixture<BootedRabbit>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private SerialConsole Console => rabbit.Machine.Console;

    [Fact]
    public async Task Given_a_booted_rabbit_When_a_command_runs_Then_its_output_and_exit_code_come_back()
    {
        var result = await Console.RunAsync("uname -r", cancellationToken: Cancellation);

        result.ExitCode.Should().Be(0);
        result.Output.Should().Be(rabbit.Rabbit.Image.KernelVersion + "\n");
    }

    [Fact]
    public async Task Given_a_failing_command_When_run_Then_its_exit_code_and_error_come_back()
    {
        var result = await Console.RunAsync("ls /nonexistent", cancellationToken: Cancellation);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("No such file or directory");
    }

    [Fact]
    public async Task Given_a_value_with_quotes_and_spaces_When_quoted_into_a_command_Then_the_dut_sees_it_literally()
    {
        var value = "it's a \"test\" $(reboot) `id`; echo pwned";

        var result = await Console.RunAsync($"printf '%s' {ShellCommand.Quote(value)}", cancellationToken: Cancellation);

        result.Output.Should().Be(value);
    }

    [Fact]
    public async Task Given_rabbit_When_its_tools_run_Then_nft_conntrack_ip_and_tc_work()
    {
        foreach (var command in new[] { "nft list ruleset", "conntrack -L", "ip -br link", "tc qdisc show", "rabbit-reset" })
        {
            var result = await Console.RunAsync(command, cancellationToken: Cancellation);
            result.ExitCode.Should().Be(0, $"`{command}` printed: {result.Output}");
        }
    }

    [Fact]
    public async Task Given_a_running_machine_When_qmp_queries_its_status_Then_it_is_running()
    {
        var status = await rabbit.Machine.Qmp.QueryStatusAsync(Cancellation);

        status.Should().Be(new QmpStatus(true, "running"));
        rabbit.Machine.Qmp.Version.Major.Should().BeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Given_an_unknown_qmp_command_When_executed_Then_qemus_error_description_is_in_the_exception()
    {
        var running = () => rabbit.Machine.Qmp.ExecuteAsync("no-such-command", cancellationToken: Cancellation);

        (await running.Should().ThrowAsync<QmpException>()).Which.ErrorClass.Should().Be("CommandNotFound");
    }
}
