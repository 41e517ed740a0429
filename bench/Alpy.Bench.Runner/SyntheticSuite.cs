using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using Alpy.Runner;

namespace Alpy.Bench.Runner;

/// <summary>
/// A generated suite: feature texts, and a binding class built at run time with one step
/// definition method per expression (half Cucumber Expressions, half regular expressions),
/// starting with 20 different words as real suites do.
/// </summary>
internal sealed class SyntheticSuite
{
    private static readonly string[] FirstWords = ["the", "a", "an", "client", "server", "router", "link", "packet", "rule", "port", "dut", "node", "app", "capture", "lab", "console", "interface", "route", "table", "firewall"];

    private SyntheticSuite(IReadOnlyList<(string Uri, string Source)> features, Type bindings, int scenarios, int steps, int definitions)
    {
        Features = features;
        Bindings = bindings;
        ScenarioCount = scenarios;
        StepsPerScenario = steps;
        StepDefinitionCount = definitions;
    }

    public IReadOnlyList<(string Uri, string Source)> Features { get; }

    public Type Bindings { get; }

    public int ScenarioCount { get; }

    public int StepsPerScenario { get; }

    public int StepDefinitionCount { get; }

    public int StepCount => ScenarioCount * StepsPerScenario;

    /// <summary>The step text of definition <paramref name="index"/> with an argument.</summary>
    public static string StepText(int index, int argument) => $"{StepPrefix(index)}{argument} requests";

    /// <summary>The literal start of definition <paramref name="index"/>'s steps.</summary>
    public static string StepPrefix(int index) => $"{FirstWords[index % FirstWords.Length]} component {index} handles ";

    /// <summary>The same scenarios with <paramref name="stepsPerScenario"/> steps each, against the same step definitions.</summary>
    public SyntheticSuite WithStepsPerScenario(int stepsPerScenario) =>
        Create(Features.Count, ScenarioCount / Features.Count, stepsPerScenario, StepDefinitionCount, Bindings);

    /// <summary>The same features with <paramref name="scenariosPerFeature"/> scenarios each, against the same step definitions.</summary>
    public SyntheticSuite WithScenariosPerFeature(int scenariosPerFeature) =>
        Create(Features.Count, scenariosPerFeature, StepsPerScenario, StepDefinitionCount, Bindings);

    public static string Expression(int index) => index % 2 == 0
        ? $"{FirstWords[index % FirstWords.Length]} component {index} handles {{int}} requests"
        : $"^{FirstWords[index % FirstWords.Length]} component {index} handles (\\d+) requests$";

    /// <summary>
    /// A suite of generated features; <paramref name="bindings"/> reuses another suite's binding class
    /// (same step definitions, so two suites differ only in their features).
    /// </summary>
    public static SyntheticSuite Create(int features, int scenariosPerFeature, int stepsPerScenario, int stepDefinitions, Type? bindings = null)
    {
        var random = new Random(42);
        var files = new List<(string, string)>();
        for (var f = 0; f < features; f++)
        {
            var text = new StringBuilder($"Feature: Generated feature {f}\n\n");
            for (var s = 0; s < scenariosPerFeature; s++)
            {
                text.Append($"  Scenario: Scenario {f}.{s}\n");
                for (var step = 0; step < stepsPerScenario; step++)
                {
                    var keyword = step == 0 ? "Given" : "And";
                    text.Append($"    {keyword} {StepText(random.Next(stepDefinitions), random.Next(1000))}\n");
                }

                text.Append('\n');
            }

            files.Add(($"features/generated{f:000}.feature", text.ToString()));
        }

        return new SyntheticSuite(files, bindings ?? EmitBindings(stepDefinitions), features * scenariosPerFeature, stepsPerScenario, stepDefinitions);
    }

    /// <summary>A [Binding] class with one empty [StepDefinition(expression)] method(int) per definition.</summary>
    private static Type EmitBindings(int count)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Alpy.Bench.Runner.Bindings"), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("Bindings");
        var type = module.DefineType("GeneratedSteps", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class);
        type.SetCustomAttribute(new CustomAttributeBuilder(typeof(BindingAttribute).GetConstructor(Type.EmptyTypes)!, []));
        type.DefineDefaultConstructor(MethodAttributes.Public);
        var attribute = typeof(StepDefinitionAttribute).GetConstructor([typeof(string)])!;
        for (var i = 0; i < count; i++)
        {
            var method = type.DefineMethod($"Step{i}", MethodAttributes.Public, typeof(void), [typeof(int)]);
            method.DefineParameter(1, ParameterAttributes.None, "requests");
            method.SetCustomAttribute(new CustomAttributeBuilder(attribute, [Expression(i)]));
            method.GetILGenerator().Emit(OpCodes.Ret);
        }

        return type.CreateType();
    }
}
