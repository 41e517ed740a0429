namespace Alpy.Qemu;

/// <summary>How QEMU runs the guest's CPU.</summary>
public enum QemuAccelerator
{
    /// <summary>KVM if a short probe boot proves it works on this host (verdict cached per QEMU build and host
    /// kernel), TCG otherwise. See <see cref="Accelerators.AcceleratorProbe"/>.</summary>
    Auto,

    /// <summary>QEMU's portable binary translator: slower, but works everywhere, also without /dev/kvm.</summary>
    Tcg,

    /// <summary>Hardware virtualisation through /dev/kvm, without a probe (the caller knows it works).</summary>
    Kvm,
}
