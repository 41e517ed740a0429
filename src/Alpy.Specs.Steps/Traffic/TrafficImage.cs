using Alpy.Lab;
using Alpy.Lab.Images;

namespace Alpy.Specs.Steps.Traffic;

/// <summary>
/// The image every node, helper and app container of the suite runs: the lab's tools image (busybox, socat,
/// iperf3, iproute2, the VLAN bridge) plus iputils' ping and the suite's fixed traffic scripts in /usr/local/bin. The scripts take
/// every value as a positional argument and never evaluate one, so values from feature files reach programs only
/// as argv elements.
/// </summary>
public static class TrafficImage
{
    /// <summary>Where the scripts are.</summary>
    public const string ScriptDirectory = "/usr/local/bin";

    private static readonly Lazy<ImageRecipe> Lazy = new(() => LabImages.Tools with
    {
        Name = "specs-tools",
        Files = [.. LabImages.Tools.Files, new HostFile(TrafficCommands.PingPath, "iputils-ping")],
        GeneratedFiles = [.. LabImages.Tools.GeneratedFiles, .. Scripts()],
    });

    /// <summary>The recipe; built (once per content) by the lab's image builder.</summary>
    public static ImageRecipe Recipe => Lazy.Value;

    /// <summary>The scripts' names.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } =
        ["alpy-echo-server", "alpy-echo-reply", "alpy-ask", "alpy-ask-exchange", "alpy-http-server", "alpy-http-get"];

    private static IEnumerable<GeneratedFile> Scripts()
    {
        const UnixFileMode executable = GeneratedFile.DefaultMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var name in ScriptNames)
        {
            using var stream = typeof(TrafficImage).Assembly.GetManifestResourceStream("traffic/" + name)
                ?? throw new InvalidOperationException($"The traffic script {name} is not embedded in Alpy.Specs.Steps (build error).");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            yield return new GeneratedFile($"{ScriptDirectory}/{name}", memory.ToArray(), executable);
        }
    }
}
