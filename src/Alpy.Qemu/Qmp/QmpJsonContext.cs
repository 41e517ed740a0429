using System.Text.Json.Serialization;

namespace Alpy.Qemu.Qmp;

/// <summary>Source-generated (reflection-free) JSON for QMP's typed answers. QMP spells members in kebab case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(QmpStatus))]
internal sealed partial class QmpJsonContext : JsonSerializerContext;
