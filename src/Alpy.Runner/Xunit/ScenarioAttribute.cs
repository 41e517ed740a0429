using Xunit.v3;

namespace Alpy.Runner.Xunit;

/// <summary>
/// Marks a generated test method that runs the scenario (or every examples row of the outline)
/// starting at <see cref="Line"/> of its class's feature file. The method takes the row's line.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer(typeof(ScenarioDiscoverer))]
public sealed class ScenarioAttribute(int line) : Attribute, IFactAttribute
{
    public int Line { get; } = line;

    public string? DisplayName => null;

    public bool Explicit => false;

    public string? Skip => null;

    public Type[]? SkipExceptions => null;

    public Type? SkipType => null;

    public string? SkipUnless => null;

    public string? SkipWhen => null;

    public string? SourceFilePath => null;

    public int? SourceLineNumber => null;

    public int Timeout => 0;
}
