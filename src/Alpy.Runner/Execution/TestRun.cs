using System.Globalization;
using Alpy.Runner.Bindings;
using Alpy.Runner.Configuration;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Execution;

/// <summary>
/// One test run: writes the stream's header, runs the test-run and feature hooks, runs scenarios
/// on request (from xUnit, in any order and in parallel), and closes the stream. Test-run hooks
/// run once; after-hooks run even when before-hooks or scenarios failed; a run that stops early
/// says why in <c>testRunFinished</c>.
/// </summary>
internal sealed class TestRun : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<string> emittedPickles = [];
    private readonly List<string> runProblems = [];
    private readonly List<string> featureProblems = [];
    private readonly TestRunOptions options;
    private string? testRunStartedId;
    private bool started;
    private bool finished;
    private bool success = true;
    private bool hooksStarted;

    public TestRun(TestRunOptions options)
    {
        this.options = options;
        var registry = options.Registry;
        Culture = ResolveCulture(options.Configuration.BindingCulture);
        Environment = new RunEnvironment(options.Configuration, new StepBinder(registry), new MessageBus(options.Formatters), options.Ids, options.Clock, Culture);
        Context = new TestRunContext(options.TestAssemblyName);
    }

    public RunEnvironment Environment { get; }

    public IReadOnlyList<FeatureFile> Features => options.Features;

    public TestRunContext Context { get; }

    public CultureInfo Culture { get; }

    /// <summary>Why scenarios cannot run (the run could not start, a [BeforeTestRun] hook failed, or bindings are broken); null when they can.</summary>
    public string? StartFailure { get; private set; }

    /// <summary>Problems outside scenarios (after-hooks, formatters), for the test framework to report.</summary>
    public IReadOnlyList<string> RunProblems => runProblems;

    /// <summary>Writes the stream's header and starts the run with the scenarios that will run. Safe to call twice.</summary>
    public async Task StartAsync(IReadOnlyList<ScenarioCase> plan, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (started)
            {
                return;
            }

            started = true;
            foreach (var formatter in options.Formatters)
            {
                formatter.Start(options.ContextFor(formatter));
            }

            PublishHeader(plan);
            testRunStartedId = Environment.Ids.NewId();
            try
            {
                Environment.Services = ServiceContainer.Build(options.Registry, Context);
            }
            catch (Exception e)
            {
                // Cucumber's "test run exception": nothing can run; the stream ends here, with the cause.
                var cause = e.InnerException ?? e;
                Environment.Publish(new Envelope { TestRunStarted = new TestRunStarted(testRunStartedId, Environment.Now()) });
                StartFailure = "The test run could not start: " + e.Message;
                success = false;
                FinishStream(new ExceptionInfo(cause.GetType().FullName ?? "Exception", cause.Message, cause.StackTrace), cause.Message);
                return;
            }

            Environment.Publish(new Envelope { TestRunStarted = new TestRunStarted(testRunStartedId, Environment.Now()) });
            if (Environment.Configuration.StopRunOnBindingErrors && CheckBindings(plan) is { } problem)
            {
                StartFailure = problem;
                success = false;
                return;
            }

            hooksStarted = true;
            var failures = await new RunHookRunner(Environment, testRunStartedId).RunAsync(options.Registry.HooksOf(HookKind.BeforeTestRun), cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                success = false;
                StartFailure = "The test run's setup failed, so no scenario ran:\n" + string.Join("\n", failures.Select(f => "  " + f.Message));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs the [BeforeFeature] hooks of a feature; a failure makes each of its scenarios fail.</summary>
    public async Task<FeatureExecution> StartFeatureAsync(FeatureFile feature, CancellationToken cancellationToken = default)
    {
        var execution = new FeatureExecution(feature, new FeatureContext(feature));
        if (StartFailure is null && !Environment.Configuration.DryRun)
        {
            var failures = await RunFeatureHooksAsync(HookKind.BeforeFeature, execution, cancellationToken).ConfigureAwait(false);
            if (failures.Count > 0)
            {
                execution.Failure = "Not run: the feature's setup failed:\n" + string.Join("\n", failures.Select(f => "  " + f.Message));
            }
        }

        return execution;
    }

    /// <summary>Runs the [AfterFeature] hooks; failures are returned and make the run fail.</summary>
    public async Task<IReadOnlyList<Exception>> FinishFeatureAsync(FeatureExecution execution, CancellationToken cancellationToken = default)
    {
        if (StartFailure is not null || Environment.Configuration.DryRun)
        {
            return [];
        }

        var failures = await RunFeatureHooksAsync(HookKind.AfterFeature, execution, cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            lock (runProblems)
            {
                success = false;
                var problems = failures.Select(f => $"{execution.Feature.Uri}: {f.Message}").ToArray();
                runProblems.AddRange(problems);
                featureProblems.AddRange(problems);
            }
        }

        return failures;
    }

    /// <summary>Runs one scenario; a run that could not start fails it at once without running anything.</summary>
    public async Task<ScenarioResult> RunScenarioAsync(ScenarioCase scenario, FeatureExecution feature, IScenarioObserver? observer, CancellationToken cancellationToken = default)
    {
        if (!started)
        {
            throw new InvalidOperationException("The test run has not started: call StartAsync first.");
        }

        if (StartFailure is not null)
        {
            throw new ScenarioFailedException(StartFailure);
        }

        EnsurePickle(scenario);
        var bound = Environment.Bind(scenario);
        var testCase = TestCaseFactory.Create(bound, testRunStartedId!, Environment.Ids);
        Environment.Publish(new Envelope { TestCase = testCase.Message });
        var retries = Environment.Configuration.Retry;
        ScenarioResult result;
        var attempt = 0;
        do
        {
            result = await new ScenarioRunner(Environment, bound, feature.Context, feature.Failure, observer, cancellationToken).RunAsync(testCase, attempt, retries - attempt).ConfigureAwait(false);
        }
        while (result.Status == TestStepResultStatus.Failed && attempt++ < retries);

        if (!StepStatus.IsSuccess(result.Status))
        {
            success = false;
        }

        return result;
    }

    /// <summary>Runs the [AfterTestRun] hooks (when the before-hooks ran), writes <c>testRunFinished</c> and closes the reports.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (finished || !started)
            {
                return;
            }

            if (hooksStarted)
            {
                var failures = await new RunHookRunner(Environment, testRunStartedId!).RunAsync(options.Registry.HooksOf(HookKind.AfterTestRun), CancellationToken.None).ConfigureAwait(false);
                if (failures.Count > 0)
                {
                    success = false;
                    lock (runProblems)
                    {
                        runProblems.AddRange(failures.Select(f => f.Message));
                    }
                }
            }

            // Hook failures are in their testRunHookFinished messages; say here only what the stream shows nowhere else.
            var message = !hooksStarted ? StartFailure : featureProblems.Count > 0 ? string.Join("\n", featureProblems) : null;
            FinishStream(null, message);
        }
        finally
        {
            gate.Release();
        }

        await CloseFormattersAsync(cancellationToken).ConfigureAwait(false);
        if (Environment.Services is { } services)
        {
            await services.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => gate.Dispose();

    private void FinishStream(ExceptionInfo? exception, string? message)
    {
        if (finished)
        {
            return;
        }

        finished = true;
        Environment.Publish(new Envelope
        {
            TestRunFinished = new TestRunFinished(testRunStartedId!, Environment.Now(), success) { Message = message, Exception = exception },
        });
    }

    private async Task CloseFormattersAsync(CancellationToken cancellationToken)
    {
        foreach (var formatter in options.Formatters.OfType<MessageFormatter>())
        {
            formatter.Close();
        }

        foreach (var formatter in options.Formatters)
        {
            try
            {
                await formatter.FinishAsync(options.ContextFor(formatter), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (runProblems)
                {
                    runProblems.Add($"The {formatter.Name} formatter failed: {e.Message}");
                }
            }
        }

        lock (runProblems)
        {
            runProblems.AddRange(Environment.Messages.Failures);
        }
    }

    private async Task<IReadOnlyList<Exception>> RunFeatureHooksAsync(HookKind kind, FeatureExecution execution, CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var hook in options.Registry.HooksOf(kind).Where(h => h.AppliesTo(execution.Feature)))
        {
            await using var scope = Environment.Services!.CreateAsyncScope();
            var state = scope.ServiceProvider.GetRequiredService<ExecutionScope>();
            state.Feature = execution.Context;
            state.Description = $"the {kind} hook {hook.Description}";
            try
            {
                var arguments = hook.ArgumentsFrom(scope.ServiceProvider);
                await hook.Invoker.InvokeAsync(null, arguments).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures.Add(new HookFailedException(hook, e));
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        return failures;
    }

    private string? CheckBindings(IReadOnlyList<ScenarioCase> plan)
    {
        var report = DryRunReport.Create(Environment, plan);
        return report.IsClean
            ? null
            : "The run was stopped before [BeforeTestRun] because the bindings are not complete (alpy.stopRunOnBindingErrors):\n" + report.Describe(Environment.Configuration.SkeletonStyle);
    }

    private void PublishHeader(IReadOnlyList<ScenarioCase> plan)
    {
        Environment.Publish(new Envelope { Meta = MetaFactory.Create() });
        var planned = plan.GroupBy(s => s.Feature).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var feature in Features)
        {
            Environment.Publish(new Envelope { Source = new Source(feature.Uri, feature.Source) });
            if (feature.Error is { } error)
            {
                Environment.Publish(new Envelope
                {
                    ParseError = new ParseError(new SourceReference { Uri = feature.Uri, Location = new Location(error.Line, error.Column) }, $"({error.Line}:{error.Column}): {error.Message}"),
                });
                continue;
            }

            Environment.Publish(new Envelope { GherkinDocument = feature.Document });
            foreach (var scenario in planned.GetValueOrDefault(feature) ?? [])
            {
                EnsurePickle(scenario);
            }
        }

        var registry = options.Registry;
        foreach (var (type, transformation) in registry.CustomParameterTypes)
        {
            Environment.Publish(new Envelope
            {
                ParameterType = new ParameterTypeMessage(Environment.Ids.NewId(), type.Name, type.Regexes, type.PreferForRegexMatch, type.UseForSnippets, Source(transformation.Method)),
            });
        }

        foreach (var (name, expression) in registry.UndefinedParameterTypes)
        {
            Environment.Publish(new Envelope { UndefinedParameterType = new UndefinedParameterType(expression, name) });
        }

        foreach (var step in registry.StepDefinitions)
        {
            var pattern = new StepDefinitionPattern(step.Expression, step.IsRegex ? StepDefinitionPattern.RegularExpression : StepDefinitionPattern.CucumberExpression);
            Environment.Publish(new Envelope { StepDefinition = new StepDefinition(step.Id, pattern, Source(step.Method)) });
        }

        foreach (var hook in registry.Hooks)
        {
            if (HookType(hook.Kind) is { } type)
            {
                Environment.Publish(new Envelope { Hook = new Hook(hook.Id, type, Source(hook.Method)) { Name = hook.Name, TagExpression = hook.Tags?.Text } });
            }
        }
    }

    private void EnsurePickle(ScenarioCase scenario)
    {
        lock (emittedPickles)
        {
            if (!emittedPickles.Add(scenario.Pickle.Id))
            {
                return;
            }
        }

        Environment.Publish(new Envelope { Pickle = scenario.Pickle });
    }

    private static string? HookType(HookKind kind) => kind switch
    {
        HookKind.BeforeTestRun => HookTypes.BeforeTestRun,
        HookKind.AfterTestRun => HookTypes.AfterTestRun,
        HookKind.BeforeScenario => HookTypes.BeforeTestCase,
        HookKind.AfterScenario => HookTypes.AfterTestCase,
        HookKind.BeforeStep => HookTypes.BeforeTestStep,
        HookKind.AfterStep => HookTypes.AfterTestStep,
        _ => null, // feature hooks have no message type
    };

    private static SourceReference Source(System.Reflection.MethodInfo method) => new()
    {
        JavaMethod = new JavaMethod(method.DeclaringType?.FullName ?? string.Empty, method.Name, method.GetParameters().Select(p => p.ParameterType.FullName ?? p.ParameterType.Name).ToArray()),
    };

    private static CultureInfo ResolveCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            throw new RunnerConfigurationException($"language.binding is \"{name}\", which is not a culture this process knows (with InvariantGlobalization only the invariant culture exists). Remove the key or use a culture name such as en-US.");
        }
    }
}
