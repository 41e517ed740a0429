using System.Diagnostics;
using System.Text;
using Alpy.Qemu.Serial;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Unit.Serial;

public sealed class SerialConsoleTests : IAsyncLifetime
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);
    private readonly TempDirectory _folder = TempDirectory.Create();
    private SocketPair _pair = null!;
    private SerialConsole _console = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _pair = await SocketPair.CreateAsync(Cancellation);
        _console = SerialConsole.Attach(_pair.Client, new SerialConsoleOptions
        {
            Name = "test console",
            RawLogPath = _folder.File("console.raw.log"),
            TextLogPath = _folder.File("console.log"),
            TailLines = 3,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _console.DisposeAsync();
        await _pair.DisposeAsync();
        _folder.Dispose();
    }

    private async Task PrintAsync(string text)
    {
        await _pair.Server.WriteAsync(Encoding.UTF8.GetBytes(text), Cancellation);
        await _pair.Server.FlushAsync(Cancellation);
    }

    [Fact]
    public async Task Given_text_arriving_in_pieces_When_waited_for_Then_it_is_found()
    {
        var waiting = _console.WaitForAsync("rabbit: ready", cancellationToken: Cancellation);

        await PrintAsync("[ boot ] rabbit: re");
        await Task.Delay(50, Cancellation);
        await PrintAsync("ady (2 links)\r\n");

        (await waiting).Before.Should().Be("[ boot ] ");
    }

    [Fact]
    public async Task Given_a_console_that_never_shows_the_text_When_waited_for_Then_the_timeout_error_quotes_the_console_tail()
    {
        await PrintAsync("line 1\r\nline 2\r\nline 3\r\nKernel panic - not syncing\r\n");
        await Task.Delay(50, Cancellation);

        var waiting = () => _console.WaitForAsync("rabbit: ready", Short, Cancellation);

        var error = (await waiting.Should().ThrowAsync<ConsoleTimeoutException>()).Which;
        error.Message.Should().Contain("text \"rabbit: ready\"").And.Contain("0.3 s").And.Contain(_folder.File("console.log"));
        error.ConsoleTail.Should().Be("line 2\nline 3\nKernel panic - not syncing");
        error.Message.Should().Contain("| Kernel panic - not syncing");
    }

    [Fact]
    public async Task Given_the_peer_closes_When_a_wait_is_pending_Then_it_fails_at_once_and_not_at_its_timeout()
    {
        var started = Stopwatch.StartNew();
        var waiting = _console.WaitForAsync("never", TimeSpan.FromSeconds(30), Cancellation);

        await PrintAsync("last words\r\n");
        _pair.Server.Close();

        var error = (await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<ConsoleClosedException>()).Which;
        error.ConsoleTail.Should().Be("last words");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Given_console_output_When_logged_Then_raw_bytes_and_escaped_text_are_in_their_files()
    {
        await PrintAsync("ok\r\n\u001b[6n");
        await _console.WaitForAsync("\u001b[6n", cancellationToken: Cancellation);

        (await File.ReadAllBytesAsync(_folder.File("console.raw.log"), Cancellation)).Should().Equal(Encoding.ASCII.GetBytes("ok\r\n\u001b[6n"));
        (await File.ReadAllTextAsync(_folder.File("console.log"), Cancellation)).Should().Be("ok\n\\e[6n");
    }

    [Fact]
    public async Task Given_a_tty_shell_that_echoes_When_a_command_runs_Then_its_exit_code_and_output_come_back_without_the_echo()
    {
        var shell = FakeTtyShell.Serve(_pair.Server, command => command == "ip -br link" ? ("lo UP\neth0 UP\n", 0) : ("sh: nope\n", 127), Cancellation);

        var ok = await _console.RunAsync("ip -br link", cancellationToken: Cancellation);
        var failed = await _console.RunAsync("nope", cancellationToken: Cancellation);

        ok.Should().Match<CommandResult>(r => r.ExitCode == 0 && r.Output == "lo UP\neth0 UP\n" && r.Succeeded);
        failed.ExitCode.Should().Be(127);
        failed.Output.Should().Be("sh: nope\n");
        shell.Received.Should().Contain("command eval 'ip -br link'");
    }

    [Fact]
    public async Task Given_a_failed_command_When_success_is_required_Then_the_error_names_command_code_and_output()
    {
        FakeTtyShell.Serve(_pair.Server, _ => ("Error: syntax error, unexpected junk\n", 1), Cancellation);

        var result = await _console.RunAsync("nft add rule junk", cancellationToken: Cancellation);
        var checking = () => result.EnsureSuccess();

        checking.Should().Throw<ConsoleCommandException>()
            .WithMessage("*`nft add rule junk` exited with code 1*| Error: syntax error, unexpected junk*");
    }

    [Fact]
    public async Task Given_a_command_that_hangs_When_it_times_out_Then_the_shell_is_interrupted_with_ctrl_c()
    {
        var shell = FakeTtyShell.Serve(_pair.Server, _ => null, Cancellation);

        var running = () => _console.RunAsync("sleep 1000", Short, Cancellation);

        (await running.Should().ThrowAsync<ConsoleTimeoutException>()).Which.Message.Should().Contain("running `sleep 1000`");
        await WaitUntilAsync(() => shell.Received.Contains('\u0003', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_prompt_When_a_command_runs_Then_it_returns_once_the_prompt_is_back()
    {
        await using var pair = await SocketPair.CreateAsync(Cancellation);
        await using var console = SerialConsole.Attach(pair.Client, new SerialConsoleOptions { Prompt = "fake# " });
        FakeTtyShell.Serve(pair.Server, _ => ("x\n", 0), Cancellation);
        await console.WaitForAsync("fake# ", cancellationToken: Cancellation);

        await console.RunAsync("true", cancellationToken: Cancellation);
        pair.Server.Close();

        var nextWait = () => console.WaitForAsync("fake# ", Short, Cancellation);
        await nextWait.Should().ThrowAsync<ConsoleClosedException>("the prompt after the command was consumed by RunAsync");
    }

    [Fact]
    public async Task Given_concurrent_commands_When_run_Then_they_take_turns_and_each_gets_its_own_output()
    {
        FakeTtyShell.Serve(_pair.Server, command => ($"out of {command}\n", command.Length), Cancellation);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => _console.RunAsync($"cmd{new string('x', i)}", cancellationToken: Cancellation)));

        results.Select(r => (r.Output, r.ExitCode)).Should().Equal(
            Enumerable.Range(0, 5).Select(i => ($"out of cmd{new string('x', i)}\n", 3 + i)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20, Cancellation);
        }

        condition().Should().BeTrue();
    }
}
