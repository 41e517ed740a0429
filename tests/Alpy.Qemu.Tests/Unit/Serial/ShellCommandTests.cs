using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Tests.Unit.Serial;

public sealed class ShellCommandTests
{
    [Fact]
    public void Given_a_command_When_framed_Then_the_line_runs_it_through_command_eval_between_two_markers()
    {
        var framed = ShellCommand.Create("nft list ruleset", 1000, nonce: "abc123");

        framed.Line.Should().Be("echo \"=alpy-\"\"abc123-begin=\"; command eval 'nft list ruleset'; echo \"=alpy-\"\"abc123-end=$?=\"");
    }

    [Fact]
    public void Given_the_echo_of_the_framed_line_When_searched_Then_neither_marker_is_found_in_it()
    {
        var framed = ShellCommand.Create("echo hi", 1000);

        framed.Begin.Find(framed.Line + "\r\n").Should().BeNull("the terminal's echo of the line must not look like output");
        framed.End.Find(framed.Line + "\r\n").Should().BeNull();
    }

    [Fact]
    public void Given_the_shell_output_When_parsed_Then_exit_code_and_output_are_read()
    {
        var framed = ShellCommand.Create("ls", 1000, nonce: "n1");
        var buffer = new ConsoleBuffer(4096);
        buffer.Append(System.Text.Encoding.ASCII.GetBytes($"{framed.Line}\r\n=alpy-n1-begin=\r\na\r\nb\r\n=alpy-n1-end=2=\r\n# "));

        buffer.TryConsume(framed.Begin).Should().NotBeNull();
        var end = buffer.TryConsume(framed.End)!;

        ShellCommand.ExitCode(end).Should().Be(2);
        ShellCommand.Output(end).Should().Be("a\nb\n");
    }

    [Theory]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("a b", "'a b'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    public void Given_a_value_When_quoted_Then_the_shell_sees_it_literally(string value, string quoted)
    {
        ShellCommand.Quote(value).Should().Be(quoted);
    }

    [Theory]
    [InlineData("echo a\nreboot", "U+000A")]
    [InlineData("echo \t", "U+0009")]
    [InlineData("echo \u0003", "U+0003")]
    public void Given_a_command_with_a_control_character_When_framed_Then_it_is_refused_naming_the_character(string command, string named)
    {
        var framing = () => ShellCommand.Create(command, 1000);

        framing.Should().Throw<ArgumentException>().WithMessage($"*{named}*");
    }

    [Fact]
    public void Given_an_empty_command_When_framed_Then_it_is_refused()
    {
        var framing = () => ShellCommand.Create("  ", 1000);

        framing.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    [Fact]
    public void Given_a_command_longer_than_the_line_limit_When_framed_Then_the_error_names_the_limit()
    {
        var framing = () => ShellCommand.Create(new string('x', 950), 1000);

        framing.Should().Throw<ArgumentException>().WithMessage("*at most 1000*Split it*");
    }
}
