using System.Globalization;
using Alpy.Lab.Topology;
using Alpy.Qemu.Images;

namespace Alpy.Lab.Dut;

/// <summary>
/// What the lab needs to know about a DUT image: kernel and initramfs, kernel command line, the
/// console contract (ready marker, prompt, reset command) and how the topology's address plan is
/// handed over. The defaults follow Rabbit's contract (docs/dut.md); an appliance with another
/// contract derives from this record and overrides <see cref="AddressPlanArguments"/>.
/// </summary>
public record DutProfile
{
    /// <summary>A short name for logs and errors.</summary>
    public required string Name { get; init; }

    /// <summary>The kernel image file.</summary>
    public required string Kernel { get; init; }

    /// <summary>The initramfs file.</summary>
    public required string Initrd { get; init; }

    /// <summary>The kernel command line before the address plan (console, quiet, ...).</summary>
    public string Append { get; init; } = "console=ttyS0";

    /// <summary>Text the DUT prints on the console once it is ready.</summary>
    public required string ReadyPattern { get; init; }

    /// <summary>Text the DUT prints when its boot failed (the lab then fails at once instead of waiting).</summary>
    public string? FailurePattern { get; init; }

    /// <summary>The shell prompt on the console.</summary>
    public required string Prompt { get; init; }

    /// <summary>The console command that restores the DUT's baseline between scenarios; exits 0 on success.</summary>
    public required string ResetCommand { get; init; }

    /// <summary>
    /// The console command that proves a DUT restored from a saved state is alive and at its baseline; null for
    /// <see cref="ResetCommand"/>. Rabbit's also forgets the neighbours it may have learnt before the save (the
    /// nodes of a new run have new MACs).
    /// </summary>
    public string? RestoreCommand { get; init; }

    /// <summary>
    /// What identifies the image's content (a recipe's manifest key) in the key of its saved states; null to use
    /// the kernel's and initramfs's sizes and modification times.
    /// </summary>
    public string? ImageKey { get; init; }

    /// <summary>
    /// Guest memory in MiB. Rabbit (a 13 MB initramfs in RAM, nft, busybox) runs in 128; QEMU's resident size
    /// follows the guest's, so a larger default would cost the whole lab's memory budget (≤ 400 MB).
    /// </summary>
    public int MemoryMiB { get; init; } = 128;

    /// <summary>More QEMU arguments for this DUT's devices, e.g. a virtiofs shared folder (an argv, never a shell string).</summary>
    public IReadOnlyList<string> QemuArgs { get; init; } = [];

    /// <summary>The console contract for "booted" (ready marker, failure marker, prompt).</summary>
    public BootReadiness Readiness => new(Name, ReadyPattern, FailurePattern, Prompt);

    /// <summary>A profile from a DUT recipe's manifest (see docs/dut.md for the contract it describes).</summary>
    /// <exception cref="LabException">The manifest names no reset command.</exception>
    public static DutProfile FromBootImage(BootImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new DutProfile
        {
            Name = image.Name,
            Kernel = image.Kernel,
            Initrd = image.Initrd,
            Append = image.Append,
            ReadyPattern = image.ReadyPattern,
            FailurePattern = image.FailurePattern,
            Prompt = image.Prompt,
            ImageKey = image.Key,
            ResetCommand = image.ResetCommand
                ?? throw new LabException($"The DUT manifest {image.ManifestPath} names no reset command; the lab needs one to share a booted DUT between scenarios."),
        };
    }

    /// <summary>The kernel command line for <paramref name="topology"/>: <see cref="Append"/> and the address plan.</summary>
    public string CommandLine(LabTopology topology) => string.Join(' ', [Append, .. AddressPlanArguments(topology)]).Trim();

    /// <summary>
    /// The address plan as kernel parameters. Rabbit's contract: <c>rabbit.addr=A[+A...],...</c> per link
    /// in link order and <c>rabbit.vlan=LINK.VID=A[+A...],...</c>, each A an address with its prefix length (IPv4 first;
    /// an IPv6-only link has only its IPv6 address).
    /// </summary>
    public virtual IEnumerable<string> AddressPlanArguments(LabTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        yield return "rabbit.addr=" + string.Join(',', topology.Links.Select(l => Addresses(l.Plans)));
        var vlans = topology.AllVlans.ToList();
        if (vlans.Count > 0)
            yield return "rabbit.vlan=" + string.Join(',', vlans.Select(v =>
                string.Create(CultureInfo.InvariantCulture, $"{v.Link}.{v.Vlan.Id}={Addresses(v.Vlan.Plans)}")));
    }

    /// <summary><see cref="ImageKey"/>, or the files' identity when the profile has none.</summary>
    internal string ContentKey() => ImageKey ?? string.Join(';', new[] { Kernel, Initrd }.Select(f =>
    {
        var info = new FileInfo(f);
        return string.Create(CultureInfo.InvariantCulture, $"{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
    }));

    /// <summary>Checks that the files exist; the message says how to get them.</summary>
    /// <exception cref="LabException">A file is missing.</exception>
    public void Validate()
    {
        foreach (var (what, path) in new[] { ("kernel", Kernel), ("initramfs", Initrd) })
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
                throw new LabException(
                    $"The {Name} DUT's {what} '{path}' does not exist. Build the DUT (for Rabbit: dut/rabbit/build) or fix the profile's path.");
    }

    private static string Addresses(IEnumerable<SubnetPlan> plans) => string.Join('+', plans.Select(p => p.DutInterfaceAddress));
}
