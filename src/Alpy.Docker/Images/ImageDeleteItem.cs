namespace Alpy.Docker;

/// <summary>One effect of removing an image: a tag removed or a layer/image deleted.</summary>
public sealed record ImageDeleteItem(string? Untagged, string? Deleted);
