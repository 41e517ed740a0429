using System.Text.Json.Serialization;

namespace Alpy.Lab.Images;

/// <summary>Source-generated JSON for the image's <c>CMD</c> (an exec-form argv array).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class ImageJsonContext : JsonSerializerContext;
