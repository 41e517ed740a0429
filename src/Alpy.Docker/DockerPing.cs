namespace Alpy.Docker;

/// <summary>The daemon's answer to a ping.</summary>
/// <param name="ApiVersion">The newest API the daemon speaks, when it says.</param>
/// <param name="OsType">The daemon's OS (<c>linux</c>), when it says.</param>
/// <param name="Server">The Server header, e.g. <c>Docker/20.10.24+dfsg1 (linux)</c>.</param>
public sealed record DockerPing(DockerApiVersion? ApiVersion, string? OsType, string? Server);
