using System.Reflection;
using Alpy.Runner.Bindings;
using Alpy.Runner.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Execution;

/// <summary>
/// Builds the context-injection container with Microsoft.Extensions.DependencyInjection: binding
/// classes and the POCOs their constructors ask for live per scenario (and are disposed with it,
/// IDisposable and IAsyncDisposable alike); contexts and the output helper come from the scope;
/// [ScenarioDependencies] methods add the rest.
/// </summary>
internal static class ServiceContainer
{
    public static ServiceProvider Build(BindingRegistry registry, TestRunContext testRun)
    {
        var services = new ServiceCollection();
        services.AddSingleton(testRun);
        services.AddScoped<ExecutionScope>();
        services.AddScoped(sp => sp.GetRequiredService<ExecutionScope>().TestRun ?? testRun);
        services.AddScoped(sp => { var s = sp.GetRequiredService<ExecutionScope>(); return s.Require(s.Feature, nameof(FeatureContext)); });
        services.AddScoped(sp => { var s = sp.GetRequiredService<ExecutionScope>(); return s.Require(s.Scenario, nameof(ScenarioContext)); });
        services.AddScoped<IReqnrollOutputHelper>(sp => new OutputHelper(sp.GetRequiredService<ExecutionScope>().Output ?? NullOutputTarget.Instance));

        foreach (var method in registry.DependencyMethods)
        {
            try
            {
                method.Invoke(null, [services]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"The [ScenarioDependencies] method {MethodDescription.Describe(method)} failed: {e.InnerException.Message}", e.InnerException);
            }
        }

        var registered = services.Select(d => d.ServiceType).ToHashSet();
        var pending = new Queue<Type>(registry.BindingTypes.Where(t => !t.IsAbstract));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!registered.Add(type))
            {
                continue;
            }

            services.AddScoped(type);
            foreach (var dependency in ConstructorDependencies(type))
            {
                if (!registered.Contains(dependency) && dependency.IsClass && !dependency.IsAbstract && dependency != typeof(string) && !dependency.IsGenericTypeDefinition)
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false, ValidateOnBuild = false });
    }

    private static IEnumerable<Type> ConstructorDependencies(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters().Select(p => p.ParameterType) ?? [];

    private sealed class NullOutputTarget : IOutputTarget
    {
        public static readonly NullOutputTarget Instance = new();

        public void Attach(AttachmentData attachment)
        {
        }
    }
}
