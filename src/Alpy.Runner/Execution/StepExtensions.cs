using Alpy.Runner.Features;

namespace Alpy.Runner.Execution;

internal static class StepExtensions
{
    /// <summary>The attribute name for a step kind: Given, When or Then (Given for a step that fits any).</summary>
    public static string KeywordName(this StepKinds kind) => kind switch
    {
        StepKinds.When => "When",
        StepKinds.Then => "Then",
        _ => "Given",
    };

    /// <summary>The parameter a skeleton needs for the step's data table or doc string.</summary>
    public static string? ArgumentParameter(this ScenarioStep step) =>
        step.Table is not null ? "DataTable dataTable" : step.DocString is not null ? "string docString" : null;
}
