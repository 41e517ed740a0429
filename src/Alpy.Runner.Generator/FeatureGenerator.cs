using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Alpy.Runner.Generator;

/// <summary>
/// Turns every <c>.feature</c> AdditionalFile into an xUnit v3 test class (a method per scenario,
/// a test case per examples row at run time) and embeds the feature text and reqnroll.json in the
/// test assembly. Reports parse errors, and steps without (or with several) step definitions,
/// as build diagnostics with file:line.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FeatureGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider.Select((provider, _) => GeneratorSettings.From(provider));
        var configuration = context.AdditionalTextsProvider
            .Where(t => string.Equals(Path.GetFileName(t.Path), "reqnroll.json", StringComparison.OrdinalIgnoreCase))
            .Select((t, ct) => ConfigurationModel.Read(t.Path, t.GetText(ct)?.ToString() ?? string.Empty))
            .Collect()
            .Select((all, _) => all.IsDefaultOrEmpty ? ConfigurationModel.None : all[0]);

        var features = context.AdditionalTextsProvider
            .Where(t => t.Path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase))
            .Combine(settings)
            .Combine(configuration)
            .Select((input, ct) =>
            {
                var ((text, setting), config) = input;
                var source = text.GetText(ct)?.ToString() ?? string.Empty;
                return FeatureReader.Read(setting.UriOf(text.Path), text.Path, source, config.FeatureLanguage);
            })
            .Collect();

        context.RegisterSourceOutput(features.Combine(settings), static (output, input) => EmitFeatures(output, input.Left, input.Right));
        context.RegisterSourceOutput(settings.Combine(configuration), static (output, input) => EmitAssembly(output, input.Left, input.Right));

        var bindings = context.CompilationProvider.Combine(configuration).Select(static (input, ct) => BindingReader.Read(input.Left, input.Right, ct));
        context.RegisterSourceOutput(features.Combine(bindings), static (output, input) => StepChecker.Report(output, input.Left, input.Right));
    }

    private static void EmitFeatures(SourceProductionContext output, ImmutableArray<FeatureModel> features, GeneratorSettings settings)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in features.OrderBy(f => f.Uri, StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(feature.Uri)?.Replace('\\', '/') ?? string.Empty;
            var @namespace = Identifiers.Namespace(settings.RootNamespace, folder);
            var baseName = Identifiers.Pascal(feature.Name.Length > 0 ? feature.Name : Path.GetFileNameWithoutExtension(feature.Uri), "Unnamed");
            var className = baseName.EndsWith("Feature", StringComparison.Ordinal) ? baseName : baseName + "Feature";
            if (!names.Add(@namespace + "." + className))
            {
                className += "_" + Identifiers.Pascal(Path.GetFileNameWithoutExtension(feature.Uri), "File");
                names.Add(@namespace + "." + className);
            }

            if (feature.Error is { } error)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.ParseError, Locate(feature, error.Line, error.Column), $"{feature.Uri}:{error.Line}:{error.Column}: {error.Message}"));
            }

            output.AddSource(HintName(feature.Uri), SourceText.From(CodeWriter.Feature(feature, @namespace, className), Encoding.UTF8));
        }
    }

    private static void EmitAssembly(SourceProductionContext output, GeneratorSettings settings, ConfigurationModel configuration)
    {
        if (configuration.Error is not null)
        {
            var location = configuration.Path is null ? Location.None : Location.Create(configuration.Path, default, new LinePositionSpan(new LinePosition(Math.Max(configuration.ErrorLine - 1, 0), 0), new LinePosition(Math.Max(configuration.ErrorLine - 1, 0), 0)));
            output.ReportDiagnostic(Diagnostic.Create(Diagnostics.InvalidConfiguration, location, configuration.Error));
        }

        var fileName = configuration.Path is null ? null : Path.GetFileName(configuration.Path);
        output.AddSource("AlpyRunner.Assembly.g.cs", SourceText.From(CodeWriter.Assembly(settings.ProjectDirectory, fileName, configuration.Text), Encoding.UTF8));
    }

    internal static Location Locate(FeatureModel feature, int line, int column)
    {
        var text = SourceText.From(feature.Source);
        var lineIndex = Math.Min(Math.Max(line - 1, 0), Math.Max(text.Lines.Count - 1, 0));
        var lineSpan = text.Lines.Count == 0 ? default : text.Lines[lineIndex].Span;
        var start = new LinePosition(lineIndex, Math.Max(column - 1, 0));
        var end = new LinePosition(lineIndex, Math.Max(lineSpan.Length, column - 1));
        return Location.Create(feature.Path, lineSpan, new LinePositionSpan(start, end));
    }

    private static string HintName(string uri)
    {
        var name = new StringBuilder();
        foreach (var c in uri)
        {
            name.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_');
        }

        return name + ".g.cs";
    }
}
