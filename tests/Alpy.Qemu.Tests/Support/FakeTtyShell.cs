using System.Text;
using System.Text.RegularExpressions;

namespace Alpy.Qemu.Tests.Support;

/// <summary>
/// Plays a shell on a serial console for unit tests: echoes what it receives as a tty does ("\n" back as
/// "\r\n"), answers framed commands (see ShellCommand) with the begin marker, the output the handler
/// gives (with "\r\n" line ends) and the end marker with the exit code, then prints the prompt. Records the
/// raw bytes it received.
/// </summary>
public sealed partial class FakeTtyShell
{
    private readonly Stream _stream;
    private readonly Func<string, (string Output, int ExitCode)?> _handler;
    private readonly MemoryStream _received = new();

    private FakeTtyShell(Stream stream, Func<string, (string Output, int ExitCode)?> handler, string prompt)
    {
        _stream = stream;
        _handler = handler;
        Prompt = prompt;
    }

    public string Prompt { get; }

    /// <summary>Everything the console typed, as text.</summary>
    public string Received
    {
        get
        {
            lock (_received)
            {
                return Encoding.UTF8.GetString(_received.ToArray());
            }
        }
    }

    /// <summary>Serves <paramref name="stream"/> until it ends. A handler that returns null leaves the command
    /// unanswered (a hung command).</summary>
    public static FakeTtyShell Serve(
        Stream stream, Func<string, (string Output, int ExitCode)?> handler, CancellationToken cancellationToken, string prompt = "fake# ")
    {
        var shell = new FakeTtyShell(stream, handler, prompt);
        _ = Task.Run(() => shell.RunAsync(cancellationToken), cancellationToken);
        return shell;
    }

    [GeneratedRegex("""^echo "=alpy-""(?<nonce>[0-9a-f]+)-begin="; command eval '(?<command>.*)'; echo "=alpy-""\k<nonce>-end=\$\?="$""")]
    private static partial Regex Framed();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var buffer = new byte[256];
        try
        {
            await WriteAsync(Prompt, cancellationToken);
            int read;
            while ((read = await _stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                lock (_received)
                {
                    _received.Write(buffer, 0, read);
                }

                foreach (var b in buffer.AsSpan(0, read).ToArray())
                {
                    if (b != (byte)'\n')
                    {
                        line.Append((char)b);
                        await WriteAsync(((char)b).ToString(), cancellationToken);
                        continue;
                    }

                    await WriteAsync("\r\n", cancellationToken);
                    await AnswerAsync(line.ToString(), cancellationToken);
                    line.Clear();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The console went away: the fake shell ends with it.
        }
    }

    private async Task AnswerAsync(string line, CancellationToken cancellationToken)
    {
        var match = Framed().Match(line);
        if (!match.Success)
        {
            await WriteAsync(Prompt, cancellationToken);
            return;
        }

        var nonce = match.Groups["nonce"].Value;
        var command = match.Groups["command"].Value.Replace("'\\''", "'", StringComparison.Ordinal);
        if (_handler(command) is not { } answer)
        {
            await WriteAsync($"=alpy-{nonce}-begin=\r\n", cancellationToken);
            return;
        }

        await WriteAsync($"=alpy-{nonce}-begin=\r\n{answer.Output.Replace("\n", "\r\n", StringComparison.Ordinal)}=alpy-{nonce}-end={answer.ExitCode}=\r\n{Prompt}", cancellationToken);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }
}
