using System.Text;

namespace Alpy.Specs.Steps.Labs;

/// <summary>How a person looks into a lab kept up after a run: its console log, its links live, its nodes' namespaces.</summary>
public static class InvestigationGuide
{
    /// <summary>The commands, one per line, for the lab of <paramref name="lab"/>.</summary>
    public static string For(Alpy.Lab.Lab lab, string why)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var folder = lab.Folder.Path;
        var text = new StringBuilder()
            .Append("The lab of run ").Append(lab.RunId).Append(" is kept up for investigation (").Append(why).Append(").\n")
            .Append("  run folder:              ").Append(folder).Append('\n')
            .Append("  follow the DUT console:  tail -f ").Append(Path.Combine(folder, "console.log")).Append('\n');
        for (var link = 0; link < lab.Dut.Captures.Count; link++)
            text.Append("  watch link ").Append(link).Append(" live:       tail -c +1 -f ").Append(lab.Dut.Captures[link]).Append(" | tcpdump -n -e -r -\n");
        foreach (var node in lab.Nodes)
        {
            text.Append("  enter ").Append(node.Name).Append("'s namespace: docker exec -it ").Append(node.ContainerName).Append(" sh")
                .Append("   (or: nsenter -n -t $(docker inspect -f '{{.State.Pid}}' ").Append(node.ContainerName).Append(") sh)\n");
        }

        return text.ToString();
    }
}
