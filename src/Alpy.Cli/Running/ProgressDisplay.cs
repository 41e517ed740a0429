using System.Diagnostics;
using Spectre.Console;

namespace Alpy.Cli.Running;

/// <summary>
/// Shows a long step's progress: a live status line on a terminal, and on CI logs (no terminal) one
/// plain line per change, at most every few seconds, so logs stay readable.
/// </summary>
internal sealed class ProgressDisplay(CliConsole console, TimeSpan plainInterval)
{
    /// <summary>Runs <paramref name="work"/>, showing what <paramref name="describe"/> says every half second.</summary>
    public async Task<T> RunAsync<T>(string title, Func<string> describe, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        if (console.Out.Profile.Capabilities.Interactive)
        {
            return await console.Out.Status().StartAsync(title, async context =>
            {
                var task = work();
                while (await Task.WhenAny(task, Task.Delay(500)).ConfigureAwait(false) != task)
                {
                    context.Status($"{Markup.Escape(title)} [grey]{clock.Elapsed:mm\\:ss}[/] {Markup.Escape(describe())}");
                }

                return await task.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        var running = work();
        var last = "";
        TimeSpan? lastAt = null;
        while (await Task.WhenAny(running, Task.Delay(500)).ConfigureAwait(false) != running)
        {
            var now = describe();
            if (now != last && (lastAt is null || clock.Elapsed - lastAt >= plainInterval))
            {
                console.Line($"[{clock.Elapsed:mm\\:ss}] {title}: {now}");
                (last, lastAt) = (now, clock.Elapsed);
            }
        }

        if (describe() is var final && final != last)
        {
            console.Line($"[{clock.Elapsed:mm\\:ss}] {title}: {final}");
        }

        return await running.ConfigureAwait(false);
    }
}
