using System.Collections.Concurrent;
using System.Globalization;
using Alpy.Runner.Bindings;
using Alpy.Runner.Configuration;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Execution;

/// <summary>What every part of a run shares: configuration, bindings, the message bus, ids and the clock.</summary>
internal sealed class RunEnvironment(RunnerConfiguration configuration, StepBinder binder, MessageBus messages, IIdGenerator ids, TimeProvider clock, CultureInfo culture)
{
    private readonly ConcurrentDictionary<ScenarioCase, BoundScenario> bound = new();

    public RunnerConfiguration Configuration { get; } = configuration;

    public StepBinder Binder { get; } = binder;

    public BindingRegistry Registry => Binder.Registry;

    public MessageBus Messages { get; } = messages;

    public IIdGenerator Ids { get; } = ids;

    public TimeProvider Clock { get; } = clock;

    public CultureInfo Culture { get; } = culture;

    /// <summary>The context-injection container; built when the run starts.</summary>
    public ServiceProvider? Services { get; set; }

    public Timestamp Now() => Timestamp.From(Clock.GetUtcNow());

    /// <summary>The scenario's binding, computed once (by the dry run or the first use).</summary>
    /// <remarks>TryGetValue first: a method group makes a delegate on every call, a hit needs none.</remarks>
    public BoundScenario Bind(ScenarioCase scenario) => bound.TryGetValue(scenario, out var known) ? known : bound.GetOrAdd(scenario, Binder.Bind);

    public void Publish(Envelope envelope) => Messages.Publish(envelope);
}
