extern alias generator;

using System.Collections.Immutable;
using generator::Alpy.Runner.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Alpy.Runner.Tests.Generator;

/// <summary>Runs the feature generator over in-memory sources, feature files and settings, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/src/Suite";

    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .Concat([MetadataReference.CreateFromFile(typeof(BindingAttribute).Assembly.Location), MetadataReference.CreateFromFile(typeof(global::Xunit.FactAttribute).Assembly.Location), MetadataReference.CreateFromFile(typeof(global::Xunit.v3.IFactAttribute).Assembly.Location)])
        .ToArray());

    public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, IReadOnlyDictionary<string, string> Sources)
    {
        public IEnumerable<Diagnostic> CompileErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
    }

    public static Result Run(string code, IReadOnlyDictionary<string, string> files, IEnumerable<MetadataReference>? references = null, string? baseDirectory = null)
    {
        var compilation = CSharpCompilation.Create(
            "Suite",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "Steps.cs")],
            Framework.Value.Concat(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var texts = files.Select(f => (AdditionalText)new InMemoryText(Path.Combine(ProjectDirectory, f.Key), f.Value)).ToImmutableArray();
        var options = new Options(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectDirectory"] = ProjectDirectory,
            ["build_property.AlpyFeatureBaseDirectory"] = baseDirectory ?? ProjectDirectory,
            ["build_property.RootNamespace"] = "Suite",
        });
        var driver = CSharpGeneratorDriver.Create([new FeatureGenerator().AsSourceGenerator()], texts, new CSharpParseOptions(LanguageVersion.Latest), options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        var sources = output.SyntaxTrees.Where(t => t.FilePath != "Steps.cs").ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        return new Result(output, diagnostics, sources);
    }

    /// <summary>Compiles bindings into an assembly of their own, for bindingAssemblies.</summary>
    public static MetadataReference Library(string name, string code) =>
        CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)], Framework.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
