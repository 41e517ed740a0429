using System.Diagnostics;
using System.Globalization;
using Alpy.Qemu.Tests.Support;

namespace Alpy.Qemu.Tests.Integration;

/// <summary>
/// A host process that dies by SIGKILL (no finally block, no ProcessExit) or SIGTERM must not leave its QEMU
/// running.
/// The host is this test assembly itself, run in a process of its own with only <see cref="HostProgram"/>
/// selected: that "test" is explicit, so normal runs never start it.
/// </summary>
[Collection(OneQemuAtATime.Name)]
public sealed class HostDeathTests(RabbitImage rabbit)
{
    private const string RunVariable = "ALPY_QEMU_TEST_HOST_RUN";

    [Fact(Explicit = true, DisplayName = "host program for Given_a_host_running_qemu_When_it_is_killed_with_a_signal_Then_qemu_dies_with_it")]
    public async Task HostProgram()
    {
        var run = Environment.GetEnvironmentVariable(RunVariable)
            ?? throw new InvalidOperationException($"{RunVariable} is not set: this host program runs only inside HostDeathTests.");
        var machine = await QemuMachine.StartAsync(Rabbit.Options(rabbit.Image, run), cancellationToken: TestContext.Current.CancellationToken);
        // Written aside and renamed, so that the test never reads the file half-written (it polls for it).
        var started = Path.Combine(run, "qemu.started");
        await File.WriteAllTextAsync(started + ".tmp", machine.Pid.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        File.Move(started + ".tmp", started);
        await Task.Delay(Timeout.Infinite, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    public async Task Given_a_host_running_qemu_When_it_is_killed_with_a_signal_Then_qemu_dies_with_it(string signal)
    {
        using var run = TempDirectory.Create();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Alpy.Qemu.Tests"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [RunVariable] = run.Path },
        };
        foreach (var argument in new[] { "-method", $"{typeof(HostDeathTests).FullName}.{nameof(HostProgram)}", "-explicit", "only" })
        {
            start.ArgumentList.Add(argument);
        }

        using var host = Process.Start(start)!;
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        var qemuPid = 0;
        try
        {
            var started = run.File("qemu.started");
            for (var i = 0; i < 1200 && !File.Exists(started) && !host.HasExited; i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            File.Exists(started).Should().BeTrue("the host program starts QEMU within 2 minutes");
            qemuPid = int.Parse(await File.ReadAllTextAsync(started, TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
            Directory.Exists($"/proc/{qemuPid}").Should().BeTrue("QEMU runs while its host lives");

            // The host alone gets the signal: QEMU is not killed by the test.
            await Command.RunCheckedAsync(["kill", "-s", signal, host.Id.ToString(CultureInfo.InvariantCulture)], TestContext.Current.CancellationToken);
            await host.WaitForExitAsync(TestContext.Current.CancellationToken);
            for (var i = 0; i < 100 && Directory.Exists($"/proc/{qemuPid}"); i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Directory.Exists($"/proc/{qemuPid}").Should().BeFalse($"QEMU dies with its host (SIG{signal}: setpriv --pdeathsig KILL, and ProcessExit)");
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            if (qemuPid > 0 && Directory.Exists($"/proc/{qemuPid}"))
            {
                Process.GetProcessById(qemuPid).Kill();
            }
        }
    }
}
