namespace Alpy.Docker.Json;

/// <summary>An answer that only carries the id of what was created (an exec instance).</summary>
internal sealed record IdAnswer(string Id);
