using System.Diagnostics;

namespace Alpy.Specs.Tests.Support;

/// <summary>Runs the dotnet CLI (argv, no shell, no MSBuild node left behind) to its end within a timeout; returns its output.</summary>
internal static class DotnetCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var token = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(token);
        var error = process.StandardError.ReadToEndAsync(token);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>As <see cref="RunAsync"/>, failing the test with the output when dotnet does not succeed.</summary>
    public static async Task<string> SucceedAsync(string workingDirectory, params string[] arguments)
    {
        var (exit, output) = await RunAsync(workingDirectory, arguments);
        exit.Should().Be(0, $"dotnet {string.Join(' ', arguments)} succeeds:\n{output}");
        return output;
    }
}
