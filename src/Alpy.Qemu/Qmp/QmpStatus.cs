namespace Alpy.Qemu.Qmp;

/// <summary>The answer of <c>query-status</c>: whether the guest's CPUs run, and QEMU's run state
/// ("running", "paused", "shutdown", "prelaunch", "guest-panicked", ...).</summary>
public sealed record QmpStatus(bool Running, string Status);
