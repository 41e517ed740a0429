using Alpy.Specs.Steps.Dut;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reqnroll;
using Reqnroll.BoDi;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>
/// What the whole run shares, registered in Reqnroll's test-run container: the settings (from the environment), the
/// appliance (Rabbit) and the lab pool. This hook runs first, so a project's own [BeforeTestRun] registrations
/// (e.g. <c>container.RegisterTypeAs&lt;MyGateway, IAppliance&gt;()</c>) replace these defaults.
/// </summary>
[Binding]
public static class SuiteServices
{
    [BeforeTestRun(Order = int.MinValue)]
    public static void Register(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        container.RegisterFactoryAs(_ => SuiteSettings.FromEnvironment());
        container.RegisterTypeAs<RabbitAppliance, IAppliance>();
        container.RegisterFactoryAs(c => new LabPool(c.Resolve<SuiteSettings>(), c.Resolve<IAppliance>(), Logging()));
    }

    /// <summary>ALPY_LOG=information|debug|... writes the labs' log to stderr; off by default.</summary>
    private static ILoggerFactory Logging() =>
        Environment.GetEnvironmentVariable("ALPY_LOG") is { Length: > 0 } level && Enum.TryParse<LogLevel>(level, ignoreCase: true, out var minimum)
            ? LoggerFactory.Create(builder => builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(minimum))
            : NullLoggerFactory.Instance;
}
