using System.Text.Json.Serialization;

namespace Alpy.Qemu.Images;

/// <summary>Source-generated JSON for manifest.json (camelCase, as the recipes write it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(BootImage))]
internal sealed partial class BootImageJsonContext : JsonSerializerContext;
