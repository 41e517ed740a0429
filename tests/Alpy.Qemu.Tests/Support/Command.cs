using System.Diagnostics;

namespace Alpy.Qemu.Tests.Support;

/// <summary>What a host command did.</summary>
public sealed record CommandOutput(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}; stdout: {Stdout.Trim()}; stderr: {Stderr.Trim()}";
}

/// <summary>Runs host commands as argv arrays (never through a shell), with a timeout that kills them.</summary>
public static class Command
{
    public static async Task<CommandOutput> RunAsync(IReadOnlyList<string> argv, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout ?? TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandOutput(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs and requires exit code 0, failing with the command and its output otherwise.</summary>
    public static async Task<CommandOutput> RunCheckedAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken = default)
    {
        var output = await RunAsync(argv, cancellationToken: cancellationToken);
        return output.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"`{string.Join(' ', argv)}` failed: {output}");
    }
}
