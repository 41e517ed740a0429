namespace Alpy.Runner.Xunit;

/// <summary>
/// Carries a feature file's text inside the test assembly (written by the source generator), so
/// the run needs no files beside the assembly and always runs what was built.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class FeatureSourceAttribute(string uri, string source, string sourcePath) : Attribute
{
    /// <summary>The path people see, relative to the feature root.</summary>
    public string Uri { get; } = uri;

    public string Source { get; } = source;

    /// <summary>The file's full path at build time, for IDE navigation.</summary>
    public string SourcePath { get; } = sourcePath;
}

/// <summary>The test project's runner settings, written by the source generator.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RunnerProjectAttribute(string projectDirectory, string? configurationFileName, string? configuration) : Attribute
{
    /// <summary>The test project's directory at build time (the <c>{projectDir}</c> of output paths).</summary>
    public string ProjectDirectory { get; } = projectDirectory;

    public string? ConfigurationFileName { get; } = configurationFileName;

    /// <summary>The text of reqnroll.json, or null when the project has none.</summary>
    public string? Configuration { get; } = configuration;
}

/// <summary>Marks a generated test class with the feature file it runs.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FeatureFileAttribute(string uri) : Attribute
{
    public string Uri { get; } = uri;
}
