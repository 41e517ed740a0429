using Alpy.Lab.Dut;
using Alpy.Lab.Topology;

namespace Alpy.Lab;

/// <summary>Everything a lab is brought up from. Immutable; validated once when the lab starts.</summary>
public sealed record LabOptions
{
    /// <summary>The DUT's links and their address plan.</summary>
    public required LabTopology Topology { get; init; }

    /// <summary>The DUT image and its console contract (see <see cref="Rabbit.BuildAsync"/>).</summary>
    public required DutProfile Dut { get; init; }

    /// <summary>Guest memory in MiB; null for the profile's.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>Timeouts of every step.</summary>
    public LabTimeouts Timeouts { get; init; } = new();

    /// <summary>
    /// Where run folders are made: <c>ARTIFACTS/RUNID/</c> with console logs, pcaps, QEMU stderr,
    /// container logs and lab.json. Default: $ALPY_ARTIFACTS, else reports/runs under the current directory.
    /// </summary>
    public string? ArtifactsDirectory { get; init; }

    /// <summary>The run registry folder (locks, pidfile, sockets); null for $ALPY_RUNS or /tmp/alpy-runs-UID. Keep one per user.</summary>
    public string? RegistryDirectory { get; init; }

    /// <summary>Reap what dead runs left (containers, taps, QEMU processes, temp folders) before bringing up (default true).</summary>
    public bool ReapAtStart { get; init; } = true;

    /// <summary>Tear the lab down on SIGINT/SIGTERM/SIGQUIT/SIGHUP before the process ends (default true).</summary>
    public bool TeardownOnSignal { get; init; } = true;

    /// <summary>
    /// Bring the DUT up from a saved state when one matches (DUT image, QEMU, memory, links, MACs, address plan),
    /// and save one after a cold boot when none does (default true). A restore that fails falls back to a cold
    /// boot. False boots every time, e.g. for a "fresh lab" that must prove the boot itself. DUTs with extra QEMU
    /// arguments (<see cref="DutProfile.QemuArgs"/>: a virtiofs share, ...) always boot: their devices may hold host
    /// state a saved state cannot carry.
    /// </summary>
    public bool Snapshots { get; init; } = true;

    /// <summary>Where saved DUT states are kept; null for <c>snapshots</c> in the cache beside the DUT images (~/.cache/alpy-specs).</summary>
    public string? SnapshotDirectory { get; init; }

    /// <summary>
    /// Where the Docker daemon listens, e.g. unix:///var/run/docker.sock; null for where the docker CLI would look (DOCKER_HOST, else
    /// the current Docker context, else unix:///var/run/docker.sock).
    /// </summary>
    public Uri? DockerEndpoint { get; init; }

    /// <summary>
    /// The image nodes, helpers and apps run; null for the lab's own tools image (<see cref="LabImages.Tools"/>),
    /// built when its inputs change. Another image must offer what the lab calls: /bin/sh, /sbin/ip (iproute2), cat,
    /// and /usr/local/bin/alpy-vlan-bridge for VLANs.
    /// </summary>
    public string? ToolsImage { get; init; }

    /// <summary>
    /// Bytes kept of each captured frame (QEMU filter-dump's <c>maxlen</c>, the pcap's snap length; default
    /// <see cref="DefaultCaptureSnapLength"/>); null keeps whole frames. 256 holds every header the steps and a reader
    /// need (Ethernet, 802.1Q, IPv4 or IPv6 with extension headers, TCP with options, UDP, ICMP with the quoted
    /// header of an ICMP error) and cuts the payload, which no step reads from frames (replies are read from the apps).
    /// The frame's original length stays in each record, so lengths and rates from a capture remain true.
    /// </summary>
    public int? CaptureSnapLength { get; init; } = DefaultCaptureSnapLength;

    /// <summary>The default <see cref="CaptureSnapLength"/>: 256 bytes.</summary>
    public const int DefaultCaptureSnapLength = 256;

    /// <summary>
    /// Keep the links' whole-run pcaps in the run folder after teardown (default true). False deletes them once QEMU
    /// has stopped: a scenario's own frames, which its evidence keeps, were sliced out of them while the lab ran.
    /// </summary>
    public bool KeepLinkCaptures { get; init; } = true;

    /// <summary>The QEMU executable; null for qemu-system-x86_64 on PATH.</summary>
    public string? QemuBinary { get; init; }

    internal bool UsesSnapshots => Snapshots && Dut.QemuArgs.Count == 0;

    internal string ResolveArtifactsDirectory() => Path.GetFullPath(
        ArtifactsDirectory ?? Environment.GetEnvironmentVariable("ALPY_ARTIFACTS") ?? Path.Combine("reports", "runs"));

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Topology);
        ArgumentNullException.ThrowIfNull(Dut);
        ArgumentNullException.ThrowIfNull(Timeouts);
        Topology.Validate();
        Timeouts.Validate();
        if (CaptureSnapLength is < 64 or > 262_144)
            throw new ArgumentOutOfRangeException(nameof(CaptureSnapLength), CaptureSnapLength,
                "A capture snap length must be 64..262144 bytes (64 holds the headers of a plain TCP frame), or null for whole frames.");
        if (MemoryMiB is < 64 or > 16384)
            throw new ArgumentOutOfRangeException(nameof(MemoryMiB), MemoryMiB, "Guest memory must be 64..16384 MiB.");
        Dut.Validate();
    }
}
