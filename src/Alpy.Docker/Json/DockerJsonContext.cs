using System.Text.Json.Serialization;

namespace Alpy.Docker.Json;

/// <summary>
/// Source-generated serializers for every request and answer: no reflection at run time, trimming-safe.
/// Docker's names are PascalCase like ours; reading ignores case because a few answers differ (<c>ID</c>, <c>MinAPIVersion</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerSpec))]
[JsonSerializable(typeof(ContainerCreated))]
[JsonSerializable(typeof(ContainerExit))]
[JsonSerializable(typeof(ContainerInspection))]
[JsonSerializable(typeof(IReadOnlyList<ContainerSummary>))]
[JsonSerializable(typeof(ExecCreateBody))]
[JsonSerializable(typeof(ExecStartBody))]
[JsonSerializable(typeof(IdAnswer))]
[JsonSerializable(typeof(ExecInspection))]
[JsonSerializable(typeof(ImageInspection))]
[JsonSerializable(typeof(IReadOnlyList<ImageSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ImageDeleteItem>))]
[JsonSerializable(typeof(ProgressMessage))]
[JsonSerializable(typeof(DockerVersion))]
[JsonSerializable(typeof(ErrorAnswer))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<string>>))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
