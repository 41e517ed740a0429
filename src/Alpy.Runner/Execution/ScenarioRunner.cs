using System.Diagnostics;
using Alpy.Runner.Bindings;
using Alpy.Runner.Expressions;
using Alpy.Runner.Features;
using Alpy.Runner.Messages;
using Alpy.Runner.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Execution;

/// <summary>
/// Runs one scenario: before-hooks, steps (each wrapped in step hooks), after-hooks, with
/// Cucumber's rules — after the first step that does not pass, later steps are skipped (undefined
/// and ambiguous ones still say so), after-hooks always run — and writes its messages.
/// </summary>
internal sealed class ScenarioRunner : IOutputTarget
{
    private readonly RunEnvironment environment;
    private readonly BoundScenario bound;
    private readonly FeatureContext featureContext;
    private readonly string? featureFailure;
    private readonly IScenarioObserver? observer;
    private readonly CancellationToken cancellationToken;
    private readonly List<StepOutcome> outcomes;
    private Dictionary<string, int>? attachmentNames;
    private readonly string testCaseStartedId;
    private string? currentTestStepId;
    private bool skipping;

    public ScenarioRunner(RunEnvironment environment, BoundScenario bound, FeatureContext featureContext, string? featureFailure, IScenarioObserver? observer, CancellationToken cancellationToken)
    {
        this.environment = environment;
        this.bound = bound;
        this.featureContext = featureContext;
        this.featureFailure = featureFailure;
        this.observer = observer;
        this.cancellationToken = cancellationToken;
        testCaseStartedId = environment.Ids.NewId();
        outcomes = new List<StepOutcome>(bound.BeforeHooks.Count + bound.Steps.Count + bound.AfterHooks.Count);
    }

    private ScenarioCase Scenario => bound.Scenario;

    private bool DryRun => environment.Configuration.DryRun;

    /// <summary>Runs one attempt of the test case; <paramref name="retriesLeft"/> decides whether a failure will be retried.</summary>
    public async Task<ScenarioResult> RunAsync((TestCase Message, IReadOnlyList<string> StepIds) testCase, int attempt, int retriesLeft)
    {
        environment.Publish(new Envelope { TestCaseStarted = new TestCaseStarted(testCaseStartedId, testCase.Message.Id, attempt, environment.Now()) });

        var scope = environment.Services!.CreateAsyncScope();
        var context = new ScenarioContext(Scenario, cancellationToken);
        var state = scope.ServiceProvider.GetRequiredService<ExecutionScope>();
        state.TestRun = scope.ServiceProvider.GetRequiredService<TestRunContext>();
        state.Feature = featureContext;
        state.Scenario = context;
        state.Output = this;
        var arguments = new ArgumentBuilder(environment, scope.ServiceProvider, cancellationToken); // holds nothing but the scope: one per attempt, not per step
        try
        {
            var index = 0;
            foreach (var hook in bound.BeforeHooks)
            {
                await RunHookStepAsync(hook, testCase.StepIds[index++], scope.ServiceProvider, context).ConfigureAwait(false);
            }

            for (var step = 0; step < bound.Steps.Count; step++)
            {
                await RunStepAsync(bound.Steps[step], step, testCase.StepIds[index++], scope.ServiceProvider, arguments, context).ConfigureAwait(false);
            }

            skipping = false; // after-hooks run whatever happened
            foreach (var hook in bound.AfterHooks)
            {
                await RunHookStepAsync(hook, testCase.StepIds[index++], scope.ServiceProvider, context, isAfter: true).ConfigureAwait(false);
            }
        }
        finally
        {
            currentTestStepId = null;
            try
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                outcomes.Add(new StepOutcome(TestStepResultStatus.Failed, null, null, null, new InvalidOperationException($"Disposing the scenario's objects failed: {e.Message}", e), TimeSpan.Zero));
                WriteTrace($"-> disposing the scenario's objects failed: {e.Message}");
            }
        }

        var status = TestStepResultStatus.Passed;
        foreach (var outcome in outcomes)
        {
            status = StepStatus.Worst(status, outcome.Status);
        }

        var willBeRetried = status == TestStepResultStatus.Failed && retriesLeft > 0;
        environment.Publish(new Envelope { TestCaseFinished = new TestCaseFinished(testCaseStartedId, environment.Now(), willBeRetried) });
        if (willBeRetried)
        {
            WriteTrace($"Attempt {attempt + 1} failed; trying again ({retriesLeft} more {(retriesLeft == 1 ? "try" : "tries")} allowed by alpy.retry).");
        }

        return new ScenarioResult(Scenario, status, outcomes, DryRun);
    }

    public void Attach(AttachmentData attachment)
    {
        var message = new Attachment(
            attachment.Text ?? Convert.ToBase64String(attachment.Bytes!),
            attachment.Text is null ? Attachment.Base64 : Attachment.Identity,
            attachment.MediaType)
        {
            FileName = attachment.FileName,
            TestCaseStartedId = testCaseStartedId,
            TestStepId = currentTestStepId,
            Timestamp = environment.Now(),
        };
        environment.Publish(new Envelope { Attachment = message });
        if (observer is null)
        {
            return;
        }

        if (attachment.IsLog)
        {
            observer.WriteLine(attachment.Text ?? string.Empty);
            return;
        }

        var bytes = attachment.Bytes ?? System.Text.Encoding.UTF8.GetBytes(attachment.Text!);
        observer.Attach(UniqueName(attachment.FileName ?? "attachment"), bytes, attachment.MediaType);
    }

    private async Task RunHookStepAsync(HookBinding hook, string testStepId, IServiceProvider services, ScenarioContext context, bool isAfter = false)
    {
        Started(testStepId);
        string status;
        Exception? error = null;
        var start = Stopwatch.GetTimestamp();
        if (skipping || DryRun || featureFailure is not null)
        {
            status = TestStepResultStatus.Skipped;
        }
        else
        {
            error = await InvokeHookAsync(hook, services).ConfigureAwait(false);
            status = error is null ? TestStepResultStatus.Passed : StepStatus.Of(error);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (!isAfter && status != TestStepResultStatus.Passed)
        {
            skipping = true;
        }

        Record(context, new StepOutcome(status, null, hook, null, error, elapsed));
        Finished(testStepId, status, error, elapsed);
        if (error is not null)
        {
            WriteTrace($"{hook.Description} -> {status.ToLowerInvariant()}: {StepStatus.MessageOf(error)}");
        }
    }

    private async Task RunStepAsync(BoundStep step, int stepIndex, string testStepId, IServiceProvider services, ArgumentBuilder arguments, ScenarioContext context)
    {
        Started(testStepId);
        context.StepContext = Scenario.StepInfoAt(stepIndex);
        var stopAtFirst = environment.Configuration.StopAtFirstError && skipping;
        string status;
        Exception? error = null;
        var start = Stopwatch.GetTimestamp();
        if (featureFailure is not null && !skipping)
        {
            status = TestStepResultStatus.Failed;
            error = new InvalidOperationException(featureFailure);
        }
        else if (step.Status == StepBindingStatus.Undefined && !stopAtFirst)
        {
            status = TestStepResultStatus.Undefined;
            PublishSuggestion(step);
        }
        else if (step.Status == StepBindingStatus.Ambiguous && !stopAtFirst)
        {
            status = TestStepResultStatus.Ambiguous;
            error = new InvalidOperationException(FailureMessages.Ambiguous(step, Scenario));
        }
        else if (skipping || step.Status != StepBindingStatus.Bound)
        {
            status = TestStepResultStatus.Skipped;
        }
        else if (step.Problem is not null)
        {
            status = TestStepResultStatus.Failed;
            error = new InvalidOperationException("The step cannot run: " + step.Problem);
        }
        else if (DryRun)
        {
            status = TestStepResultStatus.Skipped;
        }
        else
        {
            error = await InvokeStepAsync(step, services, arguments).ConfigureAwait(false);
            status = error is null ? TestStepResultStatus.Passed : StepStatus.Of(error);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (status != TestStepResultStatus.Passed)
        {
            skipping = true;
        }

        Record(context, new StepOutcome(status, step.Step, null, step, error, elapsed));
        Finished(testStepId, status, error, elapsed);
        if (observer is not null)
        {
            observer.WriteLine($"{step.Step.Keyword}{step.Step.Text}\n-> {Trace(status, step, error, elapsed)}");
        }
    }

    private async Task<Exception?> InvokeStepAsync(BoundStep step, IServiceProvider services, ArgumentBuilder argumentBuilder)
    {
        foreach (var hook in bound.BeforeStepHooks)
        {
            if (await InvokeHookAsync(hook, services).ConfigureAwait(false) is { } hookError)
            {
                return hookError;
            }
        }

        Exception? error = null;
        try
        {
            var binding = step.Match.Binding;
            var arguments = await argumentBuilder.BuildAsync(step).ConfigureAwait(false);
            var target = binding.Invoker.IsStatic ? null : services.GetRequiredService(binding.Method.DeclaringType!);
            await binding.Invoker.InvokeAsync(target, arguments).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }

        foreach (var hook in bound.AfterStepHooks)
        {
            if (await InvokeHookAsync(hook, services).ConfigureAwait(false) is { } hookError)
            {
                error ??= hookError;
            }
        }

        return error;
    }

    private static async Task<Exception?> InvokeHookAsync(HookBinding hook, IServiceProvider services)
    {
        try
        {
            var target = hook.Invoker.IsStatic ? null : services.GetRequiredService(hook.Method.DeclaringType!);
            var arguments = hook.ArgumentsFrom(services);
            await hook.Invoker.InvokeAsync(target, arguments).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private void Record(ScenarioContext context, StepOutcome outcome)
    {
        outcomes.Add(outcome);
        if (outcome.Error is not null && outcome.Status == TestStepResultStatus.Failed)
        {
            context.TestError ??= outcome.Error;
        }

        var status = outcome.Status switch
        {
            TestStepResultStatus.Failed => ScenarioExecutionStatus.TestError,
            TestStepResultStatus.Ambiguous => ScenarioExecutionStatus.BindingError,
            TestStepResultStatus.Undefined => ScenarioExecutionStatus.UndefinedStep,
            TestStepResultStatus.Pending => ScenarioExecutionStatus.StepDefinitionPending,
            TestStepResultStatus.Skipped when outcome.Error is not null => ScenarioExecutionStatus.Skipped,
            _ => ScenarioExecutionStatus.OK,
        };
        if (status > context.ScenarioExecutionStatus)
        {
            context.ScenarioExecutionStatus = status;
        }
    }

    private void PublishSuggestion(BoundStep step)
    {
        var snippets = StepSkeletonGenerator.Generate(step.Step.Kind.KeywordName(), step.Step.Text, step.Step.ArgumentParameter(), environment.Configuration.SkeletonStyle);
        environment.Publish(new Envelope
        {
            Suggestion = new Suggestion(environment.Ids.NewId(), step.Step.Pickle.Id, snippets.Select(s => new Snippet("csharp", s)).ToArray()),
        });
    }

    private void Started(string testStepId)
    {
        currentTestStepId = testStepId;
        if (environment.Messages.IsEmpty)
        {
            return;
        }

        environment.Publish(new Envelope { TestStepStarted = new TestStepStarted(testCaseStartedId, testStepId, environment.Now()) });
    }

    private void Finished(string testStepId, string status, Exception? error, TimeSpan duration)
    {
        currentTestStepId = null;
        if (environment.Messages.IsEmpty)
        {
            return;
        }

        var result = new TestStepResult(status, Duration.From(duration));
        if (error is not null && (status is TestStepResultStatus.Failed or TestStepResultStatus.Pending or TestStepResultStatus.Skipped))
        {
            var message = StepStatus.MessageOf(error);
            if (message is not null)
            {
                result = result with
                {
                    Message = message,
                    Exception = new ExceptionInfo(error.GetType().FullName ?? error.GetType().Name, message, error.StackTrace),
                };
            }
        }

        environment.Publish(new Envelope { TestStepFinished = new TestStepFinished(testCaseStartedId, testStepId, result, environment.Now()) });
    }

    private static string Trace(string status, BoundStep step, Exception? error, TimeSpan elapsed)
    {
        var where = step.Status == StepBindingStatus.Bound ? $": {step.Match.Binding.MethodName}" : string.Empty;
        var time = $" ({elapsed.TotalSeconds:0.0}s)";
        return status switch
        {
            TestStepResultStatus.Passed => "done" + where + time,
            TestStepResultStatus.Failed => "error" + where + ": " + error?.Message + time,
            TestStepResultStatus.Undefined => "undefined: no step definition matches",
            TestStepResultStatus.Ambiguous => "ambiguous: several step definitions match",
            TestStepResultStatus.Pending => "pending" + where + time,
            _ => "skipped" + (error is not null ? ": " + StepStatus.MessageOf(error) : string.Empty),
        };
    }

    private void WriteTrace(string text) => observer?.WriteLine(text);

    private string UniqueName(string name)
    {
        attachmentNames ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var count = attachmentNames.TryGetValue(name, out var seen) ? seen + 1 : 1;
        attachmentNames[name] = count;
        return count == 1 ? name : $"{Path.GetFileNameWithoutExtension(name)}-{count}{Path.GetExtension(name)}";
    }
}
