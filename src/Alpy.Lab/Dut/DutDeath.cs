namespace Alpy.Lab.Dut;

/// <summary>How and when a DUT's QEMU ended, with its last words: what a message needs to say that the lab broke
/// (rather than a symptom such as a ping that timed out).</summary>
/// <param name="Dut">The DUT's name (its profile's).</param>
/// <param name="Pid">QEMU's process id.</param>
/// <param name="How">"was killed by signal 9 (SIGKILL)", "exited with code 1".</param>
/// <param name="At">When the process ended.</param>
/// <param name="QemuStderr">QEMU's last lines on stderr.</param>
/// <param name="ConsoleTail">The console's last lines.</param>
public sealed record DutDeath(string Dut, int Pid, string How, DateTimeOffset At, string QemuStderr, string ConsoleTail)
{
    /// <summary>"the DUT Rabbit died: QEMU (pid 31098) was killed by signal 9 (SIGKILL) at 03:21:07.412".</summary>
    public override string ToString() => $"the DUT {Dut} died: QEMU (pid {Pid}) {How} at {At:HH:mm:ss.fff}";
}
