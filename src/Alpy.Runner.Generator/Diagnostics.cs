using Microsoft.CodeAnalysis;

namespace Alpy.Runner.Generator;

/// <summary>
/// What the generator reports at build time. All are warnings (kept warnings by the runner's
/// MSBuild file) so that one broken feature or typo does not stop the other features from
/// building and running; the run reports them again as failing tests.
/// </summary>
internal static class Diagnostics
{
    private const string Category = "Alpy.Runner";

    public static readonly DiagnosticDescriptor ParseError = new(
        "ALPYR001", "Feature file cannot be parsed", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The Gherkin parser rejected the file; its scenarios do not run and a failing test reports the error.");

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "ALPYR002", "reqnroll.json is invalid", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndefinedStep = new(
        "ALPYR101", "Undefined step", "No step definition matches \"{0}\"; add one such as {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AmbiguousStep = new(
        "ALPYR102", "Ambiguous step", "\"{0}\" matches {1} step definitions: {2}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidBinding = new(
        "ALPYR103", "Invalid binding", "{0}: {1}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
