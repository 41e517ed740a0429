using Alpy.Lab.Dut;
using Alpy.Qemu;
using Alpy.Qemu.Serial;

namespace Alpy.Bench.Lab;

/// <summary>The reference for bring-up: the same DUT booted by Alpy.Qemu alone, without links, to its prompt.</summary>
internal static class BareBoot
{
    public static async Task RunAsync(DutProfile dut, string folder)
    {
        try
        {
            await using var machine = await QemuMachine.StartAsync(new QemuMachineOptions
            {
                Name = "alpy-bench-bare",
                RunDirectory = folder,
                Kernel = dut.Kernel,
                Initrd = dut.Initrd,
                Append = dut.Append,
                MemoryMiB = dut.MemoryMiB,
                Console = new SerialConsoleOptions { Prompt = dut.Prompt },
            });
            await machine.Console.WaitForAsync(ConsolePattern.Text(dut.Prompt), TimeSpan.FromSeconds(60));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
