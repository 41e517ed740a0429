using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Tests.Cck.Samples;

/// <summary>The kit's "exception outside user hooks and steps": here, a broken service registration.</summary>
[Binding]
public sealed class TestRunFailure
{
    [ScenarioDependencies]
    public static void Register(IServiceCollection services) => throw new InvalidOperationException("Whoops!");

    [StepDefinition("a step")]
    public void Step()
    {
    }
}
