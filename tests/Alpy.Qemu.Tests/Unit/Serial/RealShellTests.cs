using Alpy.Qemu.Serial;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit.Serial;

/// <summary>The command framing against a real POSIX shell (Debian's sh), with what users type: quotes,
/// comments, background jobs, syntax errors. No QEMU needed.</summary>
public sealed class RealShellTests : IAsyncLifetime
{
    private SerialConsole _console = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _console = SerialConsole.Attach(ProcessStream.StartShell(), new SerialConsoleOptions { Name = "sh" });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _console.DisposeAsync();

    private Task<CommandResult> Run(string command) => _console.RunAsync(command, TimeSpan.FromSeconds(5), Cancellation);

    [Theory]
    [InlineData("echo hello", 0, "hello\n")]
    [InlineData("false", 1, "")]
    [InlineData("(exit 7)", 7, "")]
    [InlineData("printf abc", 0, "abc")]
    [InlineData("echo 'it'\"'\"'s' # a comment that must not hide the end marker", 0, "it's\n")]
    [InlineData("echo one; echo two >&2", 0, "one\ntwo\n")]
    [InlineData("true &", 0, "")]
    public async Task Given_a_command_When_run_on_a_real_shell_Then_exit_code_and_output_are_exact(string command, int code, string output)
    {
        var result = await Run(command);

        result.ExitCode.Should().Be(code);
        result.Output.Should().Be(output);
    }

    [Fact]
    public async Task Given_an_unbalanced_quote_When_run_Then_the_shell_reports_a_syntax_error_and_stays_usable()
    {
        var broken = await Run("echo \"oops");
        var next = await Run("echo still here");

        broken.ExitCode.Should().NotBe(0);
        broken.Output.Should().Contain("quoted string");
        next.Output.Should().Be("still here\n");
    }

    [Fact]
    public async Task Given_state_set_by_a_command_When_the_next_runs_Then_it_is_kept_as_in_an_interactive_shell()
    {
        await Run("cd /tmp; x=42");

        (await Run("echo $x $PWD")).Output.Should().Be("42 /tmp\n");
    }
}
