using System.Security.Cryptography;
using Alpy.Qemu.Images;
using Alpy.Qemu.Serial;

namespace Alpy.Qemu.Tests.Integration;

/// <summary>Boots Rabbit for tests: options from the image's manifest, a run folder of the test's own, and waits
/// until the DUT is ready and its shell prompts.</summary>
public static class Rabbit
{
    /// <summary>Generous for a shared 2-core host under TCG; a boot takes a few seconds.</summary>
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(90);

    public static QemuMachineOptions Options(BootImage image, string runDirectory, string plan = "", IReadOnlyList<QemuNic>? nics = null) => new()
    {
        Name = "alpy-qt-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
        RunDirectory = runDirectory,
        Kernel = image.Kernel,
        Initrd = image.Initrd,
        Append = $"{image.Append} {plan}".Trim(),
        MemoryMiB = 256,
        Nics = nics ?? [],
        Console = new SerialConsoleOptions { Prompt = image.Prompt, DefaultTimeout = TimeSpan.FromSeconds(30) },
        StartTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Starts the machine and waits for the ready marker and the prompt.</summary>
    public static async Task<QemuMachine> BootAsync(BootImage image, QemuMachineOptions options)
    {
        var machine = await QemuMachine.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            await image.Readiness.WaitAsync(machine.Console, BootTimeout, TestContext.Current.CancellationToken);
            return machine;
        }
        catch
        {
            await machine.DisposeAsync();
            throw;
        }
    }
}
