using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Gherkin;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Alpy.Specs.Analyzers;

/// <summary>
/// Undefined and ambiguous steps at build time, at the feature file's line, with a step definition to paste: the check
/// a tester runs with `dotnet build`, without a lab. Reqnroll itself finds them only when the scenario runs. Matching
/// follows Reqnroll 3.3.4 (its Cucumber Expressions and parameter types, its regex rules, its filtering of definitions
/// whose arguments cannot be converted); scopes ([Scope]) and definitions named by their method are not considered.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepDefinitionAnalyzer : DiagnosticAnalyzer
{
    private const string Category = "Reqnroll";

    internal static readonly DiagnosticDescriptor FeatureDoesNotParse = new("ALPYR001", "Feature file does not parse",
        "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor UndefinedStep = new("ALPYR101", "Undefined step",
        "No step definition matches \"{0}\"; add one such as {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor AmbiguousStep = new("ALPYR102", "Ambiguous step",
        "\"{0}\" matches {1} step definitions: {2}; make the expressions tell them apart", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

    internal static readonly DiagnosticDescriptor InvalidStepDefinition = new("ALPYR103", "Invalid step definition",
        "Step definition {0}: {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [FeatureDoesNotParse, UndefinedStep, AmbiguousStep, InvalidStepDefinition];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        var features = context.Options.AdditionalFiles.Where(f => f.Path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase)).ToList();
        if (features.Count == 0)
            return;
        var (bindings, invalid) = BindingCollector.Collect(context.Compilation);
        foreach (var (method, problem) in invalid)
            context.ReportDiagnostic(Diagnostic.Create(InvalidStepDefinition, method.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None,
                $"{method.ContainingType.Name}.{method.Name}", problem));

        foreach (var feature in features)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (feature.GetText(context.CancellationToken) is not { } text)
                continue;
            try
            {
                foreach (var step in FeatureSteps.Read(text.ToString()))
                {
                    var matching = bindings.Where(b => b.Binds(step.Kind, step.Text)).ToList();
                    var location = At(feature.Path, text, step.Line, step.Column);
                    var written = $"{step.Keyword.Trim()} {step.Text}";
                    if (matching.Count == 0)
                        context.ReportDiagnostic(Diagnostic.Create(UndefinedStep, location, written, Snippet.For(step.Kind, step.Text)));
                    else if (matching.Count > 1)
                        context.ReportDiagnostic(Diagnostic.Create(AmbiguousStep, location, written, matching.Count,
                            string.Join(", ", matching.Select(m => $"{m.Method} (\"{m.Expression}\")"))));
                }
            }
            catch (CompositeParserException e)
            {
                foreach (var error in e.Errors)
                    context.ReportDiagnostic(Diagnostic.Create(FeatureDoesNotParse, At(feature.Path, text, (int)(error.Location?.Line ?? 1), (int)(error.Location?.Column ?? 1)), error.Message));
            }
        }
    }

    private static Location At(string path, SourceText text, int line, int column)
    {
        var index = Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1));
        var span = text.Lines[index].Span;
        var start = new LinePosition(index, Math.Max(0, column - 1));
        return Location.Create(path, span, new LinePositionSpan(start, new LinePosition(index, span.Length)));
    }
}
