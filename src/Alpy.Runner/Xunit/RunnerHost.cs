using System.Collections.Concurrent;
using System.Reflection;
using Alpy.Runner.Bindings;
using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;
using Alpy.Runner.Sharding;

namespace Alpy.Runner.Xunit;

/// <summary>
/// The runner's state for one test assembly: its configuration, feature files and shard (read
/// at discovery, cheaply), and — when scenarios run — its bindings and the <see cref="TestRun"/>.
/// Problems are kept and reported where people look (a failing test), never thrown at xUnit.
/// </summary>
internal sealed class RunnerHost
{
    private static readonly ConcurrentDictionary<Assembly, RunnerHost> Hosts = new();

    private readonly Assembly assembly;
    private readonly Dictionary<string, FeatureFile> features = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> sourcePaths = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string>? shard;
    private readonly Lazy<TestRun> run;

    private RunnerHost(Assembly assembly, Func<string, string?> environment)
    {
        this.assembly = assembly;
        var project = assembly.GetCustomAttribute<RunnerProjectAttribute>();
        ProjectDirectory = project?.ProjectDirectory;
        try
        {
            Configuration = RunnerConfigurationLoader.Load(project?.Configuration, project?.ConfigurationFileName ?? "reqnroll.json", environment);
        }
        catch (RunnerConfigurationException e)
        {
            DiscoveryProblem = e.Message;
            Configuration = RunnerConfiguration.Default;
        }

        var ids = new UuidIdGenerator();
        foreach (var source in assembly.GetCustomAttributes<FeatureSourceAttribute>().OrderBy(s => s.Uri, StringComparer.Ordinal))
        {
            features[source.Uri] = FeatureParser.Parse(source.Uri, source.Source, Configuration.FeatureLanguage, ids);
            sourcePaths[source.Uri] = source.SourcePath;
        }

        try
        {
            if (ShardSpec.FromEnvironment(environment) is { } spec)
            {
                Shard = spec;
                shard = ShardPlanner.Select(features.Values.Select(f => (f.Uri, f.Scenarios.Count)).ToArray(), spec);
            }
        }
        catch (FormatException e)
        {
            DiscoveryProblem ??= e.Message;
        }

        run = new Lazy<TestRun>(() => CreateRun(environment), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Why no scenario can be discovered (bad reqnroll.json, bad shard); null when all is well.</summary>
    public string? DiscoveryProblem { get; }

    public RunnerConfiguration Configuration { get; }

    public string? ProjectDirectory { get; }

    public ShardSpec? Shard { get; }

    /// <summary>The feature files of this shard (all of them when not sharded), by path.</summary>
    public IEnumerable<FeatureFile> Features => features.Values.Where(f => IsInShard(f.Uri));

    /// <summary>The run; creating it loads the binding assemblies and may throw a <see cref="RunnerConfigurationException"/>.</summary>
    public TestRun Run => run.Value;

    public static RunnerHost For(Assembly assembly) => Hosts.GetOrAdd(assembly, a => new RunnerHost(a, Environment.GetEnvironmentVariable));

    public bool IsInShard(string uri) => shard is null || shard.Contains(uri);

    public FeatureFile? Feature(string uri) => features.GetValueOrDefault(uri);

    public string? SourcePath(string uri) => sourcePaths.GetValueOrDefault(uri);

    private TestRun CreateRun(Func<string, string?> environment)
    {
        var bindingAssemblies = new List<Assembly> { assembly };
        foreach (var name in Configuration.BindingAssemblies)
        {
            try
            {
                bindingAssemblies.Add(Assembly.Load(new AssemblyName(name)));
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new RunnerConfigurationException($"bindingAssemblies: the assembly \"{name}\" cannot be loaded ({e.Message}). Reference its project from the test project so that {name}.dll is copied beside the tests.");
            }
        }

        var ids = new UuidIdGenerator();
        var registry = BindingScanner.Scan(bindingAssemblies, ids);
        var (formatters, paths) = CreateFormatters(bindingAssemblies, environment);
        var options = new TestRunOptions(Features.ToArray(), registry, Configuration, formatters, paths, ids, TimeProvider.System, assembly.GetName().Name ?? "tests");
        return new TestRun(options);
    }

    private (IReadOnlyList<Formatter>, IReadOnlyDictionary<Formatter, string?>) CreateFormatters(IEnumerable<Assembly> bindingAssemblies, Func<string, string?> environment)
    {
        var formatters = new List<Formatter>();
        var paths = new Dictionary<Formatter, string?>();
        var now = DateTimeOffset.Now;
        if (Configuration.Formatter("message") is { } message)
        {
            var formatter = new MessageFormatter();
            formatters.Add(formatter);
            paths[formatter] = OutputPathResolver.Resolve(message.OutputFilePath, "reqnroll_report.ndjson", AppContext.BaseDirectory, ProjectDirectory, environment, now);
        }

        var plugins = bindingAssemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(Formatter).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Formatter)Activator.CreateInstance(t)!);
        foreach (var plugin in plugins)
        {
            if (Configuration.Formatter(plugin.Name) is { } settings)
            {
                formatters.Add(plugin);
                paths[plugin] = OutputPathResolver.Resolve(settings.OutputFilePath, $"reqnroll_report.{plugin.Name}", AppContext.BaseDirectory, ProjectDirectory, environment, now);
            }
        }

        return (formatters, paths);
    }
}
