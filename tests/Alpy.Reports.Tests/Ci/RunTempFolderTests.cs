using System.Diagnostics;
using Alpy.Reports.Tests.Support;

namespace Alpy.Reports.Tests.Ci;

/// <summary>
/// scripts/lib/run-temp-folder.sh, which run-specs and run-tests source: the run's temp folder goes when the run
/// ends normally, on Ctrl-C (INT) and on TERM (bash runs the EXIT trap before dying of either), and a folder whose run
/// was killed outright (SIGKILL: no trap runs) is removed by the next run.
/// Each test runs a small bash script that sources the library under a temp base of its own.
/// </summary>
public sealed class RunTempFolderTests
{
    private static string Library => Path.Combine(RepositoryPaths.Root, "scripts", "lib", "run-temp-folder.sh");

    /// <summary>
    /// The temp folder above any run's own: under scripts/run-tests these tests run inside alpy-tmp-PID, where the
    /// library (rightly) makes no folder of its own but shares the run's.
    /// </summary>
    private static string Root
    {
        get
        {
            var temp = Path.GetTempPath();
            var run = temp.IndexOf("/alpy-tmp-", StringComparison.Ordinal);
            return run < 0 ? temp : temp[..(run + 1)];
        }
    }

    /// <summary>This process's real user id: the folders carry it so that users sharing /tmp never meet.</summary>
    private static string Uid =>
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

    [Fact]
    public async Task Given_a_run_that_ends_normally_When_it_exits_Then_its_temp_folder_is_gone()
    {
        using var @base = new TempDirectory(Root);
        using var run = StartRun(@base.Path, "true");

        await WaitForExitAsync(run);
        var folder = await FolderOfAsync(@base.Path);

        run.ExitCode.Should().Be(0);
        Directory.Exists(folder).Should().BeFalse($"{folder} belongs to the finished run");
    }

    [Fact]
    public async Task Given_a_run_When_it_starts_Then_its_temp_folder_is_its_users_alone()
    {
        using var @base = new TempDirectory(Root);
        using var run = StartRun(@base.Path, "stat -c '%a %u' \"$TMPDIR\" >\"${TMPDIR%/*}/mode.txt\"");

        await WaitForExitAsync(run);

        run.ExitCode.Should().Be(0);
        (await File.ReadAllTextAsync(Path.Combine(@base.Path, "mode.txt"), TestContext.Current.CancellationToken)).Trim()
            .Should().Be($"700 {Uid}", "a folder in a shared /tmp holds the run's test attachments and .NET's pipes");
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Given_a_run_in_progress_When_it_gets_a_signal_Then_its_temp_folder_is_gone(string signal, int exitCode)
    {
        using var @base = new TempDirectory(Root);
        // A background wait, as a signal must not wait for a foreground step here: bash runs the trap at once.
        using var run = StartRun(@base.Path, "sleep 30 & wait $!");
        var folder = await FolderOfAsync(@base.Path);
        Directory.Exists(folder).Should().BeTrue();

        Signal(run.Id, signal);
        await WaitForExitAsync(run);

        run.ExitCode.Should().Be(exitCode);
        Directory.Exists(folder).Should().BeFalse($"{folder} belongs to the run that got {signal}");
    }

    [Fact]
    public async Task Given_a_run_inside_another_runs_temp_folder_When_it_starts_Then_it_shares_that_folder()
    {
        using var @base = new TempDirectory(Root);
        var outer = Path.Combine(@base.Path, $"alpy-tmp-{Uid}-2147483646");
        Directory.CreateDirectory(outer);

        using var run = StartRun(outer, "true");
        await WaitForExitAsync(run);

        (await File.ReadAllTextAsync(Path.Combine(outer, "folder.txt"), TestContext.Current.CancellationToken)).Trim().Should().Be(outer);
        Directory.Exists(outer).Should().BeTrue("the outer run owns it and removes it when it ends");
    }

    [Fact]
    public async Task Given_the_folder_of_a_run_that_died_When_the_next_run_starts_Then_it_is_removed_and_live_ones_stay()
    {
        using var @base = new TempDirectory(Root);
        var dead = Path.Combine(@base.Path, $"alpy-tmp-{Uid}-2147483646"); // above pid_max: no process has this pid
        var live = Path.Combine(@base.Path, $"alpy-tmp-{Uid}-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(dead, "left-over"));
        Directory.CreateDirectory(live);

        using var run = StartRun(@base.Path, "true");
        await WaitForExitAsync(run);

        Directory.Exists(dead).Should().BeFalse("its run is gone");
        Directory.Exists(live).Should().BeTrue("its run (this test process) is alive");
    }

    /// <summary>bash: source the library, write the folder it made to <c>BASE/folder.txt</c>, then <paramref name="then"/>.</summary>
    private static Process StartRun(string tempBase, string then)
    {
        // env resets INT and TERM to their defaults: a test run started in the background (as CI may start it)
        // inherits INT ignored, and bash can trap no signal that was ignored when it started.
        var info = new ProcessStartInfo("env");
        info.ArgumentList.Add("--default-signal=INT,TERM");
        info.ArgumentList.Add("bash");
        info.ArgumentList.Add("-c");
        // The folder's name is written by a builtin, never by a program (mv): a signal that reaches bash while it waits for a
        // foreground program which does not die of it is taken as handled by that program (bash's cooperative exit), so
        // the INT sent as soon as the name appeared could be lost, and the run then waited out its sleep (seen in CI).
        info.ArgumentList.Add($". \"$1\"; use_run_temp_folder; echo \"$TMPDIR\" >\"$2\"; {then}");
        info.ArgumentList.Add("run-temp-folder-test");
        info.ArgumentList.Add(Library);
        info.ArgumentList.Add(Path.Combine(tempBase, "folder.txt"));
        info.Environment["TMPDIR"] = tempBase;
        return Process.Start(info)!;
    }

    private static async Task<string> FolderOfAsync(string tempBase)
    {
        var file = Path.Combine(tempBase, "folder.txt");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        string text;
        while (!File.Exists(file) || !(text = await File.ReadAllTextAsync(file, limit.Token)).EndsWith('\n'))
            await Task.Delay(20, limit.Token); // not there yet, or created and not yet written
        var folder = text.Trim();
        folder.Should().StartWith(Path.Combine(tempBase, $"alpy-tmp-{Uid}-"));
        return folder;
    }

    private static async Task WaitForExitAsync(Process run)
    {
        try
        {
            await run.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            run.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit(10_000).Should().BeTrue("kill answers at once");
        kill.ExitCode.Should().Be(0);
    }
}
