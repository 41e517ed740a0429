namespace Alpy.Docker.Json;

/// <summary>
/// One line of the JSON progress stream of image endpoints. Errors arrive here inside a 200 answer,
/// so every line must be checked.
/// </summary>
internal sealed record ProgressMessage(string? Status, string? Error, ProgressError? ErrorDetail);

internal sealed record ProgressError(string? Message);
