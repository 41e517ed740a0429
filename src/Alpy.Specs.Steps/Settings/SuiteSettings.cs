using System.Globalization;
using Alpy.Lab;
using Alpy.Specs.Steps.Dut.Mutants;

namespace Alpy.Specs.Steps.Settings;

/// <summary>
/// How the suite runs its labs. Immutable; read once per run from environment variables (see
/// <see cref="FromEnvironment"/> and docs/suite.md), or registered by a test project of its own through
/// [ScenarioDependencies].
/// </summary>
public sealed record SuiteSettings
{
    /// <summary>ALPY_LAB: <c>shared</c> (default: one booted DUT per topology, reset between scenarios) or <c>fresh</c> (a new lab per scenario).</summary>
    public LabMode LabMode { get; init; } = LabMode.Shared;

    /// <summary>ALPY_KEEP_LAB: <c>never</c> (default), <c>failure</c> (keep the first failing scenario's lab up) or <c>always</c> (keep every lab up after the run).</summary>
    public KeepLab KeepLab { get; init; } = KeepLab.Never;

    /// <summary>ALPY_KEEP_MINUTES: how long kept labs stay up after the run (default 30) before they are torn down.</summary>
    public TimeSpan KeepFor { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>ALPY_MAX_LABS: how many booted labs shared mode keeps at once (default 2); the least recently used goes first.</summary>
    public int MaxLabs { get; init; } = 2;

    /// <summary>ALPY_DUT_MUTANTS: deliberate DUT configuration mistakes for the suite's self-test (default none).</summary>
    public DutMutant Mutants { get; init; } = DutMutant.None;

    /// <summary>ALPY_DUT_SHARE: a host folder shared into the DUT at <c>/mnt/share</c> (virtiofs), for appliance developers.</summary>
    public string? SharedFolder { get; init; }

    /// <summary>
    /// ALPY_DUT_DRIVER: a program on the DUT that applies the configuration steps (see <see cref="Dut.Sharing.ScriptDriver"/>),
    /// e.g. /mnt/share/alpy-dut from the shared folder; unset for the appliance's own driver.
    /// </summary>
    public string? DriverProgram { get; init; }

    /// <summary>
    /// Where labs write their run folders (console logs, pcaps, container logs, scenario evidence): ALPY_ARTIFACTS, else
    /// reports/runs in the repository, i.e. the nearest folder above the test assembly that holds features/.
    /// </summary>
    public string ArtifactsDirectory { get; init; } = DefaultArtifacts();

    /// <summary>ALPY_BOOT_TIMEOUT: seconds a DUT may take to boot (default 60: TCG on a loaded 2-core machine).</summary>
    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>ALPY_ANSWER_TIMEOUT: seconds traffic waits for an answer before it counts as timed out (default 2).</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>ALPY_FRAME_TIMEOUT: seconds a capture step waits for frames that should come (default 3).</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// ALPY_KEEP_CAPTURES: <c>never</c> (default: a lab's whole-run link pcaps are deleted at its teardown; every
    /// scenario's evidence keeps its own frames, a failed one's as a pcap) or <c>always</c> (keep them in the lab's run folder).
    /// </summary>
    public bool KeepCaptures { get; init; }

    /// <summary>ALPY_SNAP_LENGTH: bytes kept of each captured frame (default 256, every header; 0 keeps whole frames).</summary>
    public int? SnapLength { get; init; } = LabOptions.DefaultCaptureSnapLength;

    /// <summary>The environment variables, their meaning and default: for docs and error messages.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Variables { get; } =
    [
        ("ALPY_LAB", "shared (default) or fresh: one booted DUT per topology reset between scenarios, or a new lab per scenario"),
        ("ALPY_KEEP_LAB", "never (default), failure or always: keep the first failing scenario's lab, or every lab, up after the run"),
        ("ALPY_KEEP_MINUTES", "minutes kept labs stay up after the run (default 30)"),
        ("ALPY_MAX_LABS", "booted labs shared mode keeps at once (default 2)"),
        ("ALPY_DUT_MUTANTS", "deliberate DUT configuration mistakes for the suite's self-test: all, or a comma-separated list (default none)"),
        ("ALPY_DUT_SHARE", "a host folder shared into the DUT at /mnt/share with virtiofs"),
        ("ALPY_DUT_DRIVER", "a program on the DUT that applies configuration steps instead of the appliance's driver, e.g. /mnt/share/alpy-dut"),
        ("ALPY_ARTIFACTS", "where labs write their run folders and scenario evidence (default reports/runs in the repository)"),
        ("ALPY_KEEP_CAPTURES", "never (default) or always: delete each lab's whole-run link pcaps at its teardown (scenarios keep their own frames in their evidence), or keep them"),
        ("ALPY_SNAP_LENGTH", "bytes kept of each captured frame (default 256: every header, no payload; 0 keeps whole frames)"),
        ("ALPY_BOOT_TIMEOUT", "seconds a DUT may take to boot (default 60)"),
        ("ALPY_ANSWER_TIMEOUT", "seconds traffic waits for an answer (default 2)"),
        ("ALPY_FRAME_TIMEOUT", "seconds a capture step waits for expected frames (default 3)"),
    ];

    /// <summary>Reads the settings from environment variables; unset ones keep their defaults.</summary>
    /// <exception cref="SettingsException">A variable has a value it cannot have; the message names it and the allowed values.</exception>
    public static SuiteSettings FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var defaults = new SuiteSettings();
        string? Get(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;
        return new SuiteSettings
        {
            LabMode = Get("ALPY_LAB") is { } mode ? Choice(mode, "ALPY_LAB", ("shared", LabMode.Shared), ("fresh", LabMode.Fresh)) : defaults.LabMode,
            KeepLab = Get("ALPY_KEEP_LAB") is { } keep
                ? Choice(keep, "ALPY_KEEP_LAB", ("never", KeepLab.Never), ("failure", KeepLab.OnFailure), ("always", KeepLab.Always))
                : defaults.KeepLab,
            KeepFor = Get("ALPY_KEEP_MINUTES") is { } minutes ? TimeSpan.FromMinutes(Number(minutes, "ALPY_KEEP_MINUTES", 1, 24 * 60)) : defaults.KeepFor,
            MaxLabs = Get("ALPY_MAX_LABS") is { } labs ? (int)Number(labs, "ALPY_MAX_LABS", 1, 8) : defaults.MaxLabs,
            Mutants = Get("ALPY_DUT_MUTANTS") is { } mutants ? Mutant(mutants) : defaults.Mutants,
            SharedFolder = Get("ALPY_DUT_SHARE") is { } folder ? Folder(folder) : null,
            ArtifactsDirectory = Get("ALPY_ARTIFACTS") is { } artifacts ? Path.GetFullPath(artifacts) : DefaultArtifacts(),
            DriverProgram = Get("ALPY_DUT_DRIVER") is { } program ? DriverPath(program) : null,
            KeepCaptures = Get("ALPY_KEEP_CAPTURES") is { } captures ? Choice(captures, "ALPY_KEEP_CAPTURES", ("never", false), ("always", true)) : defaults.KeepCaptures,
            SnapLength = Get("ALPY_SNAP_LENGTH") is { } snap ? SnapLengthOf(snap) : defaults.SnapLength,
            BootTimeout = Get("ALPY_BOOT_TIMEOUT") is { } boot ? TimeSpan.FromSeconds(Number(boot, "ALPY_BOOT_TIMEOUT", 5, 3600)) : defaults.BootTimeout,
            AnswerTimeout = Get("ALPY_ANSWER_TIMEOUT") is { } answer ? TimeSpan.FromSeconds(Number(answer, "ALPY_ANSWER_TIMEOUT", 1, 60)) : defaults.AnswerTimeout,
            FrameTimeout = Get("ALPY_FRAME_TIMEOUT") is { } frame ? TimeSpan.FromSeconds(Number(frame, "ALPY_FRAME_TIMEOUT", 0.1, 60)) : defaults.FrameTimeout,
        };
    }

    private static string DefaultArtifacts()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "features")))
            root = root.Parent;
        return Path.Combine(root?.FullName ?? Environment.CurrentDirectory, "reports", "runs");
    }

    private static T Choice<T>(string value, string name, params (string Word, T Value)[] choices)
    {
        foreach (var (word, result) in choices)
            if (string.Equals(word, value, StringComparison.OrdinalIgnoreCase))
                return result;
        throw new SettingsException($"{name} is \"{value}\"; use {string.Join(", ", choices.Select(c => c.Word))}.");
    }

    private static double Number(string value, string name, double min, double max) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new SettingsException($"{name} is \"{value}\"; use a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");

    private static int? SnapLengthOf(string value) =>
        (int)Number(value, "ALPY_SNAP_LENGTH", 0, 262_144) switch
        {
            0 => null,
            < 64 => throw new SettingsException($"ALPY_SNAP_LENGTH is \"{value}\"; use 64 to 262144 bytes (64 holds the headers of a plain TCP frame), or 0 for whole frames."),
            var bytes => bytes,
        };

    private static DutMutant Mutant(string value)
    {
        try
        {
            return DutMutants.Parse(value);
        }
        catch (FormatException e)
        {
            throw new SettingsException($"ALPY_DUT_MUTANTS: {e.Message}", e);
        }
    }

    private static string DriverPath(string value) =>
        Dut.Sharing.ScriptDriver.IsSafePath(value)
            ? value
            : throw new SettingsException($"ALPY_DUT_DRIVER is \"{value}\"; give an absolute path on the DUT of letters, digits and /._- (e.g. /mnt/share/alpy-dut).");

    private static string Folder(string value) =>
        Directory.Exists(value)
            ? Path.GetFullPath(value)
            : throw new SettingsException($"ALPY_DUT_SHARE is \"{value}\", which is not a folder; give the folder to share into the DUT.");
}
