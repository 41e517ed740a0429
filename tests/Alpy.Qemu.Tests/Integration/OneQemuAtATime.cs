namespace Alpy.Qemu.Tests.Integration;

/// <summary>Tests that boot QEMU run one class at a time: TCG is CPU-bound and the host has 2 cores, shared.</summary>
[CollectionDefinition(Name)]
public sealed class OneQemuAtATime
{
    public const string Name = "qemu";
}
