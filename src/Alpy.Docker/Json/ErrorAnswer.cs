namespace Alpy.Docker.Json;

/// <summary>The body of every error answer of the daemon: <c>{"message": "..."}</c>.</summary>
internal sealed record ErrorAnswer(string? Message);
