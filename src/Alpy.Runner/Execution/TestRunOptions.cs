using Alpy.Runner.Bindings;
using Alpy.Runner.Configuration;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Execution;

/// <summary>Everything a <see cref="TestRun"/> is made of.</summary>
internal sealed record TestRunOptions(
    IReadOnlyList<FeatureFile> Features,
    BindingRegistry Registry,
    RunnerConfiguration Configuration,
    IReadOnlyList<Formatter> Formatters,
    IReadOnlyDictionary<Formatter, string?> OutputPaths,
    IIdGenerator Ids,
    TimeProvider Clock,
    string TestAssemblyName)
{
    public FormatterContext ContextFor(Formatter formatter)
    {
        var settings = Configuration.Formatter(formatter.Name);
        var messagePath = Formatters.OfType<MessageFormatter>().Select(f => OutputPaths.GetValueOrDefault(f)).FirstOrDefault();
        return new FormatterContext(formatter.Name, OutputPaths.GetValueOrDefault(formatter), settings?.Values ?? new Dictionary<string, string>(), messagePath, TestAssemblyName);
    }
}
