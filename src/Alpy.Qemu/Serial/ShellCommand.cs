using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Alpy.Qemu.Serial;

/// <summary>
/// One command for a POSIX shell on a console, framed so that its output and exit code can be read back
/// whatever the terminal echoes (alpy's remote_shell idea): the line sent is
/// <c>echo "=alpy-""N-begin="; command eval 'COMMAND'; echo "=alpy-""N-end=$?="</c> with a fresh nonce N. The
/// shell prints <c>=alpy-N-begin=</c>, the output, then <c>=alpy-N-end=CODE=</c>; the echo of the line itself
/// never contains those markers, because of the <c>""</c> inside them. <c>eval</c> of the single-quoted command
/// keeps a trailing comment or <c>&amp;</c> inside the command from swallowing the end marker, and runs it in
/// the shell itself (a <c>cd</c> or a variable persists, as when typed). <c>command</c> in front makes a syntax
/// error in the command an ordinary failure (status 2) instead of aborting the rest of the line, which an
/// interactive shell does for errors of special built-ins such as <c>eval</c>.
/// </summary>
internal sealed class ShellCommand
{
    private ShellCommand(string command, string nonce)
    {
        Command = command;
        Line = $"echo \"=alpy-\"\"{nonce}-begin=\"; command eval {Quote(command)}; echo \"=alpy-\"\"{nonce}-end=$?=\"";
        Begin = ConsolePattern.Regex(new Regex($"=alpy-{nonce}-begin=\r*\n", RegexOptions.CultureInvariant));
        End = ConsolePattern.Regex(new Regex($"=alpy-{nonce}-end=([0-9]+)=", RegexOptions.CultureInvariant));
    }

    public string Command { get; }

    /// <summary>The line to type (without its line end).</summary>
    public string Line { get; }

    /// <summary>The marker after which the command's output starts.</summary>
    public ConsolePattern Begin { get; }

    /// <summary>The marker that ends the output; group 1 is the exit code.</summary>
    public ConsolePattern End { get; }

    /// <summary>Frames <paramref name="command"/>; throws <see cref="ArgumentException"/> naming what a console line cannot carry.</summary>
    public static ShellCommand Create(string command, int maxLength, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new ArgumentException("The command is empty; give the shell something to run.", nameof(command));
        }

        for (var i = 0; i < command.Length; i++)
        {
            if (char.IsControl(command[i]))
            {
                throw new ArgumentException(
                    $"The command contains the control character U+{(int)command[i]:X4} at position {i}; a console line " +
                    "cannot carry line breaks, tabs or other control characters (run several commands, or printf a file).",
                    nameof(command));
            }
        }

        var framed = new ShellCommand(command, nonce ?? NewNonce());
        if (framed.Line.Length > maxLength)
        {
            throw new ArgumentException(
                $"The command is {command.Length} characters long and {framed.Line.Length} once framed; the console " +
                $"line may hold at most {maxLength} (the shell's line editor cuts longer lines). Split it into " +
                "several commands, or raise SerialConsoleOptions.MaxLineLength if the shell on the console reads longer lines.",
                nameof(command));
        }

        return framed;
    }

    /// <summary>Single-quotes <paramref name="value"/> for a POSIX shell: <c>it's</c> becomes <c>'it'\''s'</c>.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Reads the exit code from a match of <see cref="End"/>.</summary>
    public static int ExitCode(ConsoleMatch end) => int.Parse(end.Groups[1], NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The command's output from the text before the end marker: the tty's "\r\n" become "\n".</summary>
    public static string Output(ConsoleMatch end) => end.Before.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
}
