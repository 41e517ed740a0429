namespace Alpy.Lab.Apps;

/// <summary>How an app container runs in a node's namespace.</summary>
public sealed record AppOptions
{
    /// <summary>The image; null for the lab's tools image (busybox, socat, iperf3, iproute2).</summary>
    public string? Image { get; init; }

    /// <summary>How long a run may take before it is killed and fails (default 30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Environment variables.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Capabilities beyond the default NET_RAW (ping) and NET_BIND_SERVICE (servers on ports below
    /// 1024). Every other capability is dropped.
    /// </summary>
    public IReadOnlyList<string> ExtraCapabilities { get; init; } = [];

    /// <summary>A word for the container's name (<c>alpy-RUN-app-WORD-N</c>), e.g. "ping"; letters, digits and '-' only.</summary>
    public string Role { get; init; } = "app";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        if (string.IsNullOrEmpty(Role) || Role.Length > 32 || !Role.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException($"App role '{Role}' must be 1-32 characters of letters, digits and '-'.", nameof(Role));
        foreach (var (key, value) in Environment ?? new Dictionary<string, string>())
            if (string.IsNullOrEmpty(key) || key.Contains('=', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal)
                || value is null || value.Contains('\0', StringComparison.Ordinal))
                throw new ArgumentException($"Environment variable '{key}' needs a name without '=' and a value, neither with NUL characters.", nameof(Environment));
        foreach (var capability in ExtraCapabilities)
            if (string.IsNullOrEmpty(capability) || !capability.All(c => char.IsAsciiLetterUpper(c) || c == '_'))
                throw new ArgumentException($"Capability '{capability}' is not a capability name such as NET_ADMIN.", nameof(ExtraCapabilities));
    }
}
