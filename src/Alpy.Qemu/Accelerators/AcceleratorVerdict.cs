namespace Alpy.Qemu.Accelerators;

/// <summary>The accelerator to use, why, and whether the verdict came from the cache.</summary>
public sealed record AcceleratorVerdict(QemuAccelerator Accelerator, string Reason, bool Cached);
