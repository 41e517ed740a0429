using System.Diagnostics;

namespace Alpy.Lab.Tests.Support;

/// <summary>Runs a host program from an argv array (never a shell string) and captures its output.</summary>
internal static class HostCommand
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public Result EnsureSuccess(string what) => ExitCode == 0 ? this
            : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}: {Stderr.Trim()} {Stdout.Trim()}");
    }

    public static async Task<Result> RunAsync(string program, IEnumerable<string> args, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = new Process { StartInfo = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true } };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            process.StartInfo.Environment[name] = value;
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time.");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(string program, params string[] args) => RunAsync(program, (IEnumerable<string>)args);

    /// <summary>Starts a long-running program; the caller kills it.</summary>
    public static Process Start(string program, params string[] args)
    {
        var process = new Process { StartInfo = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true } };
        process.Start();
        return process;
    }
}
