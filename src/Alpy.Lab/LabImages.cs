using Alpy.Lab.Images;

namespace Alpy.Lab;

/// <summary>
/// The lab's tools image: the shared tools recipe (busybox, socat, iperf3, iproute2) plus the
/// lab's own static VLAN bridge, compiled from the C source embedded in this assembly.
/// </summary>
public static class LabImages
{
    private static readonly Lazy<ImageRecipe> Recipe = new(() => ToolsImage.Recipe with
    {
        Name = "lab-tools",
        Programs = [.. ToolsImage.Recipe.Programs, new CProgram(ToolsLayout.VlanBridge, VlanBridgeSource(), ["-O2", "-Wall", "-Wextra", "-Werror"])],
    });

    /// <summary>The recipe of the image every node, helper and (by default) app container runs.</summary>
    public static ImageRecipe Tools => Recipe.Value;

    private static string VlanBridgeSource()
    {
        using var stream = typeof(LabImages).Assembly.GetManifestResourceStream("alpy-vlan-bridge.c")
            ?? throw new InvalidOperationException("The VLAN bridge source is not embedded in Alpy.Lab (build error).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
