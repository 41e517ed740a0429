using Alpy.Runner;
using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>
/// What the whole run shares: the settings (from the environment), the appliance (Rabbit unless a test project
/// registers its own <see cref="IAppliance"/>) and the lab pool. Registered with TryAdd, so that a project's own
/// [ScenarioDependencies] registrations win.
/// </summary>
[Binding]
public static class SuiteServices
{
    [ScenarioDependencies]
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(_ => SuiteSettings.FromEnvironment());
        services.TryAddSingleton<IAppliance, RabbitAppliance>();
        services.TryAddSingleton(provider => new LabPool(provider.GetRequiredService<SuiteSettings>(), provider.GetRequiredService<IAppliance>(), Logging()));
    }

    /// <summary>ALPY_LOG=information|debug|... writes the labs' log to stderr; off by default.</summary>
    private static ILoggerFactory Logging() =>
        Environment.GetEnvironmentVariable("ALPY_LOG") is { Length: > 0 } level && Enum.TryParse<LogLevel>(level, ignoreCase: true, out var minimum)
            ? LoggerFactory.Create(builder => builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(minimum))
            : NullLoggerFactory.Instance;
}
