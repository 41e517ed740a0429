using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Tests.Support;

namespace Alpy.Specs.Tests.Dut;

public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("it's")]
    [InlineData("$(reboot) `id` ; rm -rf / && echo \"x\" | cat > /tmp/y")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData("\\'\\")]
    public async Task Given_any_value_When_quoted_and_split_by_a_POSIX_shell_Then_it_arrives_unchanged_as_one_argument(string value)
    {
        var arguments = await PosixShell.ArgumentsOfAsync("show " + ShellQuoting.Join(["first", value, "last"]), "show");

        arguments.Where(a => a.Length > 0).Should().Equal(new[] { "first", value, "last" }.Where(a => a.Length > 0));
    }
}
