using System.Reflection;
using System.Text;
using Alpy.Specs.Steps.Frames;
using Alpy.Specs.Steps.Settings;
using Reqnroll;

namespace Alpy.Specs.Steps.Catalogue;

/// <summary>
/// Generates docs/steps.md from the bindings: every step with its summary, parameters and an example, the parameter
/// types, the frame words and the settings. A test compares the file with this text, so the catalogue cannot drift.
/// </summary>
public static class StepCatalogue
{
    /// <summary>The command that regenerates docs/steps.md (quoted in the file and in the freshness test's message).</summary>
    public const string RegenerateCommand = "ALPY_UPDATE_DOCS=1 dotnet test tests/Alpy.Specs.Tests --filter FullyQualifiedName~StepCatalogue";

    /// <summary>Every documented step of the assembly, in section order then source order.</summary>
    public static IReadOnlyList<CatalogueStep> Steps(Assembly? assembly = null) =>
        [.. (assembly ?? typeof(StepCatalogue).Assembly).GetTypes()
            .Where(t => t.IsDefined(typeof(BindingAttribute), inherit: false))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>().Select(a => new CatalogueStep(m, a, m.GetCustomAttribute<StepDocAttribute>())))
            .OrderBy(s => SectionOrder(s.Section))
            .ThenBy(s => s.Method.MetadataToken)];

    /// <summary>The catalogue as Markdown.</summary>
    public static string Generate()
    {
        var steps = Steps();
        var text = new StringBuilder()
            .Append("# Step catalogue\n\n")
            .Append("Every step the suite's features can use, generated from the bindings in `src/Alpy.Specs.Steps` (do not edit by hand;\n")
            .Append("a test fails when this file is out of date). Regenerate with:\n\n")
            .Append("```\n").Append(RegenerateCommand).Append("\n```\n\n")
            .Append($"{steps.Count} steps. Parameters are written `{{type}}`; the types are listed under [Parameter types](#parameter-types). ")
            .Append("`(s)` marks an optional plural. A bad value fails its step with a message that quotes it and says how to write it.\n\n");
        foreach (var section in steps.GroupBy(s => s.Section))
        {
            text.Append("## ").Append(section.Key).Append("\n\n");
            foreach (var step in section)
            {
                text.Append("### ").Append(step.Keyword).Append(' ').Append(step.Expression).Append("\n\n")
                    .Append(step.Summary).Append("\n\n");
                var parameters = step.Parameters;
                if (parameters.Count > 0)
                    text.Append("Parameters: ").Append(string.Join(", ", parameters.Select(p => $"`{{{p}}}`"))).Append(".\n\n");
                text.Append("```gherkin\n").Append(step.Example).Append('\n');
                if (step.Argument is { } argument)
                    text.Append(string.Join('\n', argument.Split('\n').Select(line => "  " + line))).Append('\n');
                if (step.Ipv6Example is { } ipv6)
                    text.Append(string.Join('\n', ipv6.Split('\n').Select((line, i) => i == 0 ? line : "  " + line))).Append('\n');
                text.Append("```\n\n");
            }
        }

        AppendParameterTypes(text);
        AppendFrameWords(text);
        AppendSettings(text);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendParameterTypes(StringBuilder text)
    {
        text.Append("## Parameter types\n\n| type | accepts | examples |\n|---|---|---|\n")
            .Append("| `{int}` | a whole number (each step bounds it and says so) | `3`, `64` |\n")
            .Append("| `{string}` | text in double quotes, 1 to 200 printable characters on one line | `\"hello across\"`, `\"backend A\"` |\n");
        var types = typeof(Bindings.ParameterTypes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (Attribute: m.GetCustomAttribute<StepArgumentTransformationAttribute>(), Doc: m.GetCustomAttribute<ParameterDocAttribute>()))
            .Where(t => t.Attribute?.Name is not null && t.Doc is not null)
            .OrderBy(t => t.Attribute!.Name, StringComparer.Ordinal);
        foreach (var (attribute, doc) in types)
            text.Append($"| `{{{attribute!.Name}}}` | {doc!.Summary.Replace("|", "\\|", StringComparison.Ordinal)} | {string.Join(", ", doc.Examples.Select(e => $"`{e}`"))} |\n");
        text.Append('\n');
    }

    private static void AppendFrameWords(StringBuilder text)
    {
        text.Append("## Frame words\n\n")
            .Append("`link {link} carries {frames}` reads the frames in words and checks the link's frames since the scenario started with the\n")
            .Append("tcpdump (libpcap) filter they stand for:\n\n")
            .Append("```\n").Append(FrameDescription.Grammar).Append("\n```\n\n")
            .Append("Without a VLAN word, tagged and untagged frames match alike. `a`/`an` and no quantity mean at least one; a number means exactly that many.\n")
            .Append("Addresses are IPv4 or IPv6 (`to [2001:db8:1::2] port 22` or without brackets). TCP, UDP and traffic words cover both families; ICMP words\n")
            .Append("and `with TTL N` are IPv4's, ICMPv6 and neighbour words and `with hop limit N` IPv6's, and words that mix the families are refused.\n")
            .Append("libpcap reads `tcp[...]` for IPv4 only, so the IPv6 forms read the header at fixed offsets (`ip6[40]` is the ICMPv6 type, `ip6[53]` the TCP\n")
            .Append("flags): an IPv6 frame with an extension header before its TCP or ICMPv6 header does not match them.\n\n")
            .Append("| kind (singular / plural) | filter |\n|---|---|\n");
        foreach (var (singular, plural, filter, _) in FrameDescription.Kinds)
            text.Append($"| {singular} / {plural} | `{filter.Replace("|", "\\|", StringComparison.Ordinal)}` |\n");
        text.Append('\n');
    }

    private static void AppendSettings(StringBuilder text)
    {
        text.Append("## Settings\n\nEnvironment variables read once per run (see docs/suite.md):\n\n| variable | meaning |\n|---|---|\n");
        foreach (var (name, meaning) in SuiteSettings.Variables)
            text.Append($"| `{name}` | {meaning} |\n");
    }

    private static int SectionOrder(string section) => Array.IndexOf(["Topology", "DUT configuration", "Servers", "Traffic", "Verdicts", "Captured frames"], section) switch
    {
        -1 => int.MaxValue,
        var index => index,
    };
}

/// <summary>One step definition as the catalogue shows it.</summary>
public sealed class CatalogueStep(MethodInfo method, StepDefinitionBaseAttribute definition, StepDocAttribute? doc)
{
    public MethodInfo Method { get; } = method;

    public StepDefinitionBaseAttribute Definition { get; } = definition;

    public StepDocAttribute? Doc { get; } = doc;

    public string Keyword => Definition.Types is [var type] ? type.ToString() : "*";

    public string Expression => Definition.Expression ?? Method.Name;

    public string Section => Doc?.Section is { Length: > 0 } section ? section : "Other";

    public string Summary => Doc?.Summary ?? "";

    public string Example => Doc?.Example ?? "";

    public string? Argument => Doc?.Argument;

    public string? Ipv6Example => Doc?.Ipv6Example;

    /// <summary>The parameter types in the expression, in order: <c>host</c>, <c>address</c>, ...</summary>
    public IReadOnlyList<string> Parameters
    {
        get
        {
            var names = new List<string>();
            var text = Expression;
            for (var open = text.IndexOf('{', StringComparison.Ordinal); open >= 0; open = text.IndexOf('{', open + 1))
            {
                var close = text.IndexOf('}', open);
                if (close > open)
                    names.Add(text[(open + 1)..close]);
            }

            return names;
        }
    }
}
