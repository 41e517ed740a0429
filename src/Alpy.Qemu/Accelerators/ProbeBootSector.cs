namespace Alpy.Qemu.Accelerators;

/// <summary>
/// The smallest guest that proves an accelerator runs code: a 512-byte boot sector that writes 0x10 to
/// port 0xf4, where QEMU's isa-debug-exit device ends QEMU with exit code (0x10 &lt;&lt; 1) | 1 = 33. Reaching it
/// means the firmware ran to the end and handed over to the guest.
/// </summary>
internal static class ProbeBootSector
{
    /// <summary>QEMU's exit code when the boot sector ran.</summary>
    public const int ExitCode = 33;

    public static byte[] Create()
    {
        var sector = new byte[512];
        byte[] code =
        [
            0xB0, 0x10, // mov al, 0x10
            0xE6, 0xF4, // out 0xf4, al   -> isa-debug-exit
            0xF4,       // hlt            (not reached)
            0xEB, 0xFD, // jmp hlt
        ];
        code.CopyTo(sector, 0);
        sector[510] = 0x55; // boot signature
        sector[511] = 0xAA;
        return sector;
    }
}
