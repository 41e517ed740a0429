using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpy.Lab.Dut;

/// <summary>The manifest.json a DUT recipe writes beside its kernel and initramfs (see docs/dut.md).</summary>
internal sealed record DutManifest
{
    public string Name { get; init; } = "";

    public string Kernel { get; init; } = "";

    public string Initrd { get; init; } = "";

    public string Append { get; init; } = "";

    public string ReadyPattern { get; init; } = "";

    public string? FailurePattern { get; init; }

    public string Prompt { get; init; } = "";

    public string ResetCommand { get; init; } = "";

    public static async Task<DutProfile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        DutManifest? manifest;
        try
        {
            await using var stream = File.OpenRead(path);
            manifest = await JsonSerializer.DeserializeAsync(stream, DutManifestJson.Default.DutManifest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new LabException($"Cannot read the DUT manifest '{path}': {e.Message}. Rebuild the DUT (for Rabbit: dut/rabbit/build --force).", e);
        }
        if (manifest is null || manifest.Kernel.Length == 0 || manifest.Initrd.Length == 0 || manifest.ReadyPattern.Length == 0
            || manifest.Prompt.Length == 0 || manifest.ResetCommand.Length == 0)
            throw new LabException(
                $"The DUT manifest '{path}' lacks kernel, initrd, readyPattern, prompt or resetCommand. Rebuild the DUT (for Rabbit: dut/rabbit/build --force).");
        var profile = new DutProfile
        {
            Name = manifest.Name.Length > 0 ? manifest.Name : "dut",
            Kernel = manifest.Kernel,
            Initrd = manifest.Initrd,
            Append = manifest.Append,
            ReadyPattern = manifest.ReadyPattern,
            FailurePattern = manifest.FailurePattern,
            Prompt = manifest.Prompt,
            ResetCommand = manifest.ResetCommand,
        };
        profile.Validate();
        return profile;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DutManifest))]
internal sealed partial class DutManifestJson : JsonSerializerContext;
