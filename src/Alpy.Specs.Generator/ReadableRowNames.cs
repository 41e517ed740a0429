using System.CodeDom;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Gherkin.Ast;
using Reqnroll.Generator;
using Reqnroll.Generator.UnitTestProvider;

namespace Alpy.Specs.Generator;

/// <summary>
/// Reqnroll.xunit.v3's test generation with readable names for outline rows. Reqnroll 3 passes each row's pickle index
/// and tags to the row test as extra arguments, so xUnit names a row <c>Title(port: "80", __pickleIndex: "3",
/// exampleTags: [])</c> in the console, TRX and IDEs (Reqnroll issue #927). Here each row's <c>[InlineData]</c> gets
/// xUnit v3's own <c>TestDisplayName</c>: the title with the row's values put in, then the values,
/// <c>Title (port: 80)</c>, and an empty <c>Label</c>, which tells xUnit to show that name as it is.
/// Everything else is Reqnroll's.
/// </summary>
public sealed class ReadableRowNames(IUnitTestGeneratorProvider inner) : IUnitTestGeneratorProvider
{
    private const string InlineData = "Xunit.InlineDataAttribute";

    /// <summary>How many rows of each outline's test method were generated so far (rows come in order).</summary>
    private readonly ConditionalWeakTable<CodeMemberMethod, StrongBox<int>> _rows = new();

    /// <summary>The name of one row: the title with &lt;column&gt; placeholders filled in, then "(column: value, ...)".</summary>
    public static string Name(string title, IReadOnlyList<string> columns, IReadOnlyList<string> values)
    {
        var name = title;
        for (var i = 0; i < columns.Count && i < values.Count; i++)
            name = name.Replace($"<{columns[i]}>", values[i]);
        var pairs = columns.Zip(values, (column, value) => $"{column}: {value}");
        return $"{name} ({string.Join(", ", pairs)})";
    }

    public void SetRow(TestClassGenerationContext generationContext, CodeMemberMethod testMethod, IEnumerable<string> arguments, IEnumerable<string> tags, bool isIgnored)
    {
        inner.SetRow(generationContext, testMethod, arguments, tags, isIgnored);
        var index = _rows.GetOrCreateValue(testMethod).Value++;
        if (isIgnored || generationContext.CurrentScenarioDefinition?.ScenarioOutline is not { } outline)
            return;
        var row = outline.Examples.SelectMany(examples => examples.TableBody.Select(body => (Header: examples.TableHeader, Body: body))).ElementAtOrDefault(index);
        var data = testMethod.CustomAttributes.Cast<CodeAttributeDeclaration>().LastOrDefault(a => a.Name == InlineData);
        if (row.Body is null || data is null)
            return;
        var name = Name(outline.Name, [.. row.Header.Cells.Select(c => c.Value)], [.. row.Body.Cells.Select(c => c.Value)]);
        data.Arguments.Add(new CodeAttributeArgument("TestDisplayName", new CodePrimitiveExpression(name)));
        data.Arguments.Add(new CodeAttributeArgument("Label", new CodePrimitiveExpression(string.Empty)));
    }

    public UnitTestGeneratorTraits GetTraits() => inner.GetTraits();

    public void SetTestClass(TestClassGenerationContext generationContext, string featureTitle, string featureDescription) =>
        inner.SetTestClass(generationContext, featureTitle, featureDescription);

    public void SetTestClassCategories(TestClassGenerationContext generationContext, IEnumerable<string> featureCategories) =>
        inner.SetTestClassCategories(generationContext, featureCategories);

    public void SetTestClassIgnore(TestClassGenerationContext generationContext) => inner.SetTestClassIgnore(generationContext);

    public void FinalizeTestClass(TestClassGenerationContext generationContext) => inner.FinalizeTestClass(generationContext);

    public void SetTestClassNonParallelizable(TestClassGenerationContext generationContext) => inner.SetTestClassNonParallelizable(generationContext);

    public void SetTestMethodNonParallelizable(TestClassGenerationContext generationContext, CodeMemberMethod testMethod) =>
        inner.SetTestMethodNonParallelizable(generationContext, testMethod);

    public void SetTestClassInitializeMethod(TestClassGenerationContext generationContext) => inner.SetTestClassInitializeMethod(generationContext);

    public void SetTestClassCleanupMethod(TestClassGenerationContext generationContext) => inner.SetTestClassCleanupMethod(generationContext);

    public void SetTestInitializeMethod(TestClassGenerationContext generationContext) => inner.SetTestInitializeMethod(generationContext);

    public void SetTestCleanupMethod(TestClassGenerationContext generationContext) => inner.SetTestCleanupMethod(generationContext);

    public void SetTestMethod(TestClassGenerationContext generationContext, CodeMemberMethod testMethod, string friendlyTestName) =>
        inner.SetTestMethod(generationContext, testMethod, friendlyTestName);

    public void SetTestMethodCategories(TestClassGenerationContext generationContext, CodeMemberMethod testMethod, IEnumerable<string> scenarioCategories) =>
        inner.SetTestMethodCategories(generationContext, testMethod, scenarioCategories);

    public void SetTestMethodIgnore(TestClassGenerationContext generationContext, CodeMemberMethod testMethod) =>
        inner.SetTestMethodIgnore(generationContext, testMethod);

    public void SetRowTest(TestClassGenerationContext generationContext, CodeMemberMethod testMethod, string scenarioTitle) =>
        inner.SetRowTest(generationContext, testMethod, scenarioTitle);

    public void SetTestMethodAsRow(TestClassGenerationContext generationContext, CodeMemberMethod testMethod, string scenarioTitle, string exampleSetName,
        string variantName, IEnumerable<KeyValuePair<string, string>> arguments) =>
        inner.SetTestMethodAsRow(generationContext, testMethod, scenarioTitle, exampleSetName, variantName, arguments);

    public void MarkCodeMethodInvokeExpressionAsAwait(CodeMethodInvokeExpression expression) => inner.MarkCodeMethodInvokeExpressionAsAwait(expression);
}
