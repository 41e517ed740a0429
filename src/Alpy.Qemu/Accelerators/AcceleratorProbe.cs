using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Qemu.Accelerators;

/// <summary>
/// Chooses QEMU's accelerator: KVM only after a probe boot proved it runs guest code here, TCG otherwise.
/// Hosts exist where /dev/kvm is present but KVM hangs (the guest never runs, QEMU spins), so presence proves
/// nothing. The probe boots <see cref="ProbeBootSector"/> under KVM with a short timeout. Its verdict is
/// cached per QEMU build (binary path, size, mtime) and host kernel release under
/// <see cref="DefaultCacheDirectory"/>, so only the first run on a machine pays for it; delete
/// <c>accelerator-*.json</c> there to probe again.
/// </summary>
public static class AcceleratorProbe
{
    private const string KvmDevice = "/dev/kvm";

    /// <summary>Part of the cache key: a change to how the probe boots makes earlier verdicts stale. Version 2 boots
    /// with the CPU model of real boots (version 1 used QEMU's default model and passed where real boots abort).</summary>
    private const string ProbeVersion = "probe-2";

    /// <summary>How long the probe boot may take: a working KVM needs ~0.1 s, so 3 s leaves room for a busy host.</summary>
    public static TimeSpan DefaultProbeTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>Where verdicts are cached by default: <c>qemu/</c> under <see cref="AlpyCache.Root"/>.</summary>
    public static string DefaultCacheDirectory => Path.Combine(AlpyCache.Root, "qemu");

    /// <summary>
    /// Returns KVM when /dev/kvm is usable and a probe boot (or its cached verdict) proved it works; TCG with the
    /// reason otherwise. Never throws for a broken KVM: that is a verdict, not an error.
    /// </summary>
    public static async Task<AcceleratorVerdict> ChooseAsync(
        string binary = "qemu-system-x86_64",
        string? cacheDirectory = null,
        TimeSpan? probeTimeout = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var qemu = Executable.Find(binary)
            ?? throw new QemuOptionsException(
                $"The QEMU binary '{binary}' was not found. Install Debian's qemu-system-x86 (scripts/install-prerequisites does) or give its path.",
                nameof(binary));

        var verdict = Precheck() ?? await CachedOrProbedAsync(qemu, cacheDirectory ?? DefaultCacheDirectory, probeTimeout ?? DefaultProbeTimeout, cancellationToken)
            .ConfigureAwait(false);
        Log.AcceleratorChosen(logger, verdict.Accelerator, verdict.Reason + (verdict.Cached ? " (cached verdict)" : string.Empty));
        return verdict;
    }

    /// <summary>The verdicts that need no probe: no /dev/kvm, or no permission to use it.</summary>
    private static AcceleratorVerdict? Precheck()
    {
        if (!File.Exists(KvmDevice))
        {
            return new AcceleratorVerdict(QemuAccelerator.Tcg, "there is no /dev/kvm on this host", Cached: false);
        }

        try
        {
            using var device = new FileStream(KvmDevice, FileMode.Open, FileAccess.ReadWrite);
            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return new AcceleratorVerdict(
                QemuAccelerator.Tcg, $"/dev/kvm is not usable by this user ({ex.Message}); join group kvm to let the probe try KVM", Cached: false);
        }
    }

    private static async Task<AcceleratorVerdict> CachedOrProbedAsync(string qemu, string cacheDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var hostKernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "unknown";
        var binary = new FileInfo(qemu);
        var identity = string.Create(CultureInfo.InvariantCulture, $"{ProbeVersion}|{binary.FullName}|{binary.Length}|{binary.LastWriteTimeUtc.Ticks}|{hostKernel}");
        var cacheFile = Path.Combine(cacheDirectory, $"accelerator-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16]}.json");

        if (TryReadCache(cacheFile) is { } cached)
        {
            return new AcceleratorVerdict(cached.Accelerator, cached.Reason, Cached: true);
        }

        var verdict = await ProbeAsync(qemu, QemuAccelerator.Kvm, timeout, cancellationToken).ConfigureAwait(false);
        WriteCache(cacheFile, new CachedVerdict(verdict.Accelerator, verdict.Reason, identity, hostKernel, DateTimeOffset.UtcNow));
        return verdict;
    }

    /// <summary>Boots the probe guest under <paramref name="accelerator"/>: its verdict is that accelerator when the
    /// guest ran, TCG (with the reason) otherwise. Tests probe TCG to prove the probe guest works.</summary>
    internal static async Task<AcceleratorVerdict> ProbeAsync(string qemu, QemuAccelerator accelerator, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = accelerator == QemuAccelerator.Kvm ? "KVM" : "TCG";
        var folder = Directory.CreateTempSubdirectory("alpy-accel-probe-");
        try
        {
            var disk = Path.Combine(folder.FullName, "probe.img");
            await File.WriteAllBytesAsync(disk, ProbeBootSector.Create(), cancellationToken).ConfigureAwait(false);
            var arguments = Arguments(accelerator, disk);
            var started = Stopwatch.GetTimestamp();
            using var process = await QemuProcess.StartAsync(qemu, arguments, null, null, killWithHost: true, "alpy-accel-probe").ConfigureAwait(false);
            try
            {
                var exitCode = await process.Exited.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                return exitCode == ProbeBootSector.ExitCode
                    ? new AcceleratorVerdict(accelerator, $"a probe boot under {name} ran in {elapsed:0} ms", Cached: false)
                    : new AcceleratorVerdict(
                        QemuAccelerator.Tcg,
                        $"the probe boot under {name} failed with exit code {exitCode}: {FirstLine(process.StderrTail())}",
                        Cached: false);
            }
            catch (TimeoutException)
            {
                return new AcceleratorVerdict(
                    QemuAccelerator.Tcg,
                    $"a probe boot under {name} did not finish within {timeout.TotalSeconds:0.#} s ({name} hangs on this host)",
                    Cached: false);
            }
            finally
            {
                process.Kill();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The probe's QEMU arguments: the machine type and CPU model of real boots (<see cref="QemuMachineOptions"/>'s
    /// defaults), a boot sector on an IDE disk and the exit port it writes to.</summary>
    internal static string[] Arguments(QemuAccelerator accelerator, string disk) =>
    [
        "-accel", accelerator == QemuAccelerator.Kvm ? "kvm" : "tcg",
        "-machine", QemuMachineOptions.DefaultMachineType, "-cpu", QemuCommandLine.DefaultCpu(accelerator),
        "-nodefaults", "-no-user-config", "-display", "none", "-m", "16", "-no-reboot",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=1",
        "-drive", $"file={QemuCommandLine.Escape(disk)},format=raw,if=ide",
    ];

    private static CachedVerdict? TryReadCache(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllText(file), CachedVerdictJsonContext.Default.CachedVerdict) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null; // unreadable: probe again and overwrite it
        }
    }

    private static void WriteCache(string file, CachedVerdict verdict)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // Written aside and renamed, so that a concurrent reader never sees half a file.
            var temporary = $"{file}.{Environment.ProcessId}.tmp";
            try
            {
                File.WriteAllText(temporary, JsonSerializer.Serialize(verdict, CachedVerdictJsonContext.Default.CachedVerdict));
                File.Move(temporary, file, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No cache (read-only home?): the next run probes again, which is slower but correct.
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "(no stderr)" : line;
    }
}
