using System.Text.Json;

namespace Alpy.Qemu.Images;

/// <summary>
/// A bootable DUT image as a recipe's manifest.json describes it (dut/rabbit/build writes one; docs/dut.md
/// is the contract): kernel, initrd, base kernel command line, and the console contract (ready and failure
/// markers, prompt, reset command, address-plan parameter).
/// </summary>
public sealed record BootImage
{
    public required string Name { get; init; }

    /// <summary>Hash of the recipe and its exact package versions: changes whenever the image would.</summary>
    public required string Key { get; init; }

    public required string Kernel { get; init; }

    public required string Initrd { get; init; }

    /// <summary>The kernel command line to start from (the lab appends its address plan).</summary>
    public required string Append { get; init; }

    public string? KernelVersion { get; init; }

    /// <summary>Kernel parameter that carries the address plan, e.g. "rabbit.addr".</summary>
    public string? AddressParameter { get; init; }

    /// <summary>Text the DUT prints once booted and configured.</summary>
    public required string ReadyPattern { get; init; }

    /// <summary>Text the DUT prints instead when it cannot apply its configuration (the line carries the reason).</summary>
    public string? FailurePattern { get; init; }

    /// <summary>The shell prompt on the console.</summary>
    public required string Prompt { get; init; }

    /// <summary>Command that restores the DUT's baseline between scenarios.</summary>
    public string? ResetCommand { get; init; }

    /// <summary>Debian package versions the image is made of.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>The manifest this was read from.</summary>
    public string ManifestPath { get; init; } = string.Empty;

    /// <summary>The console contract for "booted" (ready marker, failure marker, prompt).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public BootReadiness Readiness => new(Name, ReadyPattern, FailurePattern, Prompt);

    /// <summary>Reads a manifest and checks that the kernel and initrd it names exist.</summary>
    public static BootImage Load(string manifestPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        var full = Path.GetFullPath(manifestPath);
        BootImage? image;
        try
        {
            image = JsonSerializer.Deserialize(File.ReadAllText(full), BootImageJsonContext.Default.BootImage);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new QemuException($"The boot image manifest {full} cannot be read ({ex.Message}). Rebuild the image (e.g. dut/rabbit/build --force).", ex);
        }

        if (image is null)
        {
            throw new QemuException($"The boot image manifest {full} is empty. Rebuild the image (e.g. dut/rabbit/build --force).");
        }

        foreach (var (what, path) in new[] { ("kernel", image.Kernel), ("initrd", image.Initrd) })
        {
            if (!File.Exists(path))
            {
                throw new QemuException($"The {what} {path} named by {full} does not exist (cache cleaned?). Rebuild the image (e.g. dut/rabbit/build --force).");
            }
        }

        return image with { ManifestPath = full };
    }
}
