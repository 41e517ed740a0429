using System.Text.Json.Serialization;

namespace Alpy.Qemu.Accelerators;

/// <summary>A probe verdict as stored in the cache, with what it was measured on (for humans reading the file).</summary>
internal sealed record CachedVerdict(QemuAccelerator Accelerator, string Reason, string Qemu, string HostKernel, DateTimeOffset ProbedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CachedVerdict))]
internal sealed partial class CachedVerdictJsonContext : JsonSerializerContext;
