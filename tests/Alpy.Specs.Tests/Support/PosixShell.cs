using System.Diagnostics;

namespace Alpy.Specs.Tests.Support;

/// <summary>Runs a command line in the host's /bin/sh with a function that prints its arguments, one per line (how a DUT's shell would split it).</summary>
internal static class PosixShell
{
    public static async Task<IReadOnlyList<string>> ArgumentsOfAsync(string commandLine, string program)
    {
        // Defines PROGRAM as a function that prints each argument on its own line, NUL-free, then evaluates the line.
        var script = $"{program}() {{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }}; {commandLine}";
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
