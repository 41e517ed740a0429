using System;
using System.IO;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Alpy.Runner.Generator;

/// <summary>The MSBuild properties the generator reads (declared as CompilerVisibleProperty by the runner's targets file).</summary>
internal sealed class GeneratorSettings : IEquatable<GeneratorSettings>
{
    public GeneratorSettings(string projectDirectory, string featureBaseDirectory, string rootNamespace)
    {
        ProjectDirectory = projectDirectory;
        FeatureBaseDirectory = featureBaseDirectory;
        RootNamespace = rootNamespace;
    }

    public string ProjectDirectory { get; }

    /// <summary>Feature paths (the uris people see) are relative to this directory.</summary>
    public string FeatureBaseDirectory { get; }

    public string RootNamespace { get; }

    public static GeneratorSettings From(AnalyzerConfigOptionsProvider provider)
    {
        var options = provider.GlobalOptions;
        options.TryGetValue("build_property.MSBuildProjectDirectory", out var project);
        options.TryGetValue("build_property.AlpyFeatureBaseDirectory", out var baseDirectory);
        options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        project = string.IsNullOrWhiteSpace(project) ? string.Empty : project!;
        baseDirectory = string.IsNullOrWhiteSpace(baseDirectory) ? project : baseDirectory!;
        if (!Path.IsPathRooted(baseDirectory) && project.Length > 0)
        {
            baseDirectory = Path.Combine(project, baseDirectory);
        }

        return new GeneratorSettings(project, Normalize(baseDirectory), string.IsNullOrWhiteSpace(rootNamespace) ? "Features" : rootNamespace!);
    }

    /// <summary>The uri of a feature file: its path relative to the feature base directory, with forward slashes.</summary>
    public string UriOf(string path)
    {
        var full = Normalize(path);
        var root = FeatureBaseDirectory.TrimEnd('/') + "/";
        return root.Length > 1 && full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : Path.GetFileName(full);
    }

    public bool Equals(GeneratorSettings? other) =>
        other is not null && ProjectDirectory == other.ProjectDirectory && FeatureBaseDirectory == other.FeatureBaseDirectory && RootNamespace == other.RootNamespace;

    public override bool Equals(object? obj) => Equals(obj as GeneratorSettings);

    public override int GetHashCode() => FeatureBaseDirectory.GetHashCode() ^ RootNamespace.GetHashCode();

    /// <summary>Forward slashes and no "dir/../" segments, without touching the file system.</summary>
    private static string Normalize(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var stack = new System.Collections.Generic.List<string>();
        foreach (var part in parts)
        {
            if (part == "." || (part.Length == 0 && stack.Count > 0))
            {
                continue;
            }

            if (part == ".." && stack.Count > 0 && stack[stack.Count - 1] != "..")
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            stack.Add(part);
        }

        return string.Join("/", stack);
    }
}
