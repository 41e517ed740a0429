using System.Diagnostics;

namespace Alpy.Capture.Tests;

/// <summary>Runs helper commands from argument arrays (never a shell), with a timeout that kills them.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null,
        byte[]? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        using Process process = Start(arguments, environment, redirectInput: standardInput is not null);
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(standardInput, cancellationToken);
            process.StandardInput.Close();
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', arguments)}` did not finish within {timeout ?? TimeSpan.FromSeconds(30)}; it was killed.");
        }

        return new ProcessResult(arguments, process.ExitCode, await output, await error);
    }

    public static Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (string argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {arguments[0]}.");
    }
}
