using System.Diagnostics;
using Alpy.Runner.Bindings;
using Alpy.Runner.Messages;
using Alpy.Runner.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Alpy.Runner.Execution;

/// <summary>
/// Runs [BeforeTestRun]/[AfterTestRun] hooks, each reported as <c>testRunHookStarted</c>/<c>Finished</c>
/// with its attachments. Every hook runs even when an earlier one failed, so that cleanup happens.
/// </summary>
internal sealed class RunHookRunner(RunEnvironment environment, string testRunStartedId) : IOutputTarget
{
    private string? currentHookStartedId;

    /// <summary>Runs the hooks in order; returns the failures, each naming its hook.</summary>
    public async Task<IReadOnlyList<Exception>> RunAsync(IReadOnlyList<HookBinding> hooks, CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var hook in hooks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var startedId = environment.Ids.NewId();
            currentHookStartedId = startedId;
            environment.Publish(new Envelope { TestRunHookStarted = new TestRunHookStarted(startedId, testRunStartedId, hook.Id, environment.Now()) });
            var watch = Stopwatch.StartNew();
            Exception? error = null;
            if (!environment.Configuration.DryRun)
            {
                await using var scope = environment.Services!.CreateAsyncScope();
                var state = scope.ServiceProvider.GetRequiredService<ExecutionScope>();
                state.Output = this;
                state.Description = $"the {hook.Kind} hook {hook.Description}";
                try
                {
                    var arguments = hook.ArgumentsFrom(scope.ServiceProvider);
                    await hook.Invoker.InvokeAsync(null, arguments).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    error = e;
                    failures.Add(new HookFailedException(hook, e));
                }
            }

            watch.Stop();
            var status = error is null ? (environment.Configuration.DryRun ? TestStepResultStatus.Skipped : TestStepResultStatus.Passed) : TestStepResultStatus.Failed;
            var result = new TestStepResult(status, Duration.From(watch.Elapsed));
            if (error is not null)
            {
                result = result with { Message = error.Message, Exception = new ExceptionInfo(error.GetType().FullName ?? error.GetType().Name, error.Message, error.StackTrace) };
            }

            environment.Publish(new Envelope { TestRunHookFinished = new TestRunHookFinished(startedId, result, environment.Now()) });
            currentHookStartedId = null;
        }

        return failures;
    }

    public void Attach(AttachmentData attachment) =>
        environment.Publish(new Envelope
        {
            Attachment = new Attachment(attachment.Text ?? Convert.ToBase64String(attachment.Bytes!), attachment.Text is null ? Attachment.Base64 : Attachment.Identity, attachment.MediaType)
            {
                FileName = attachment.FileName,
                TestRunHookStartedId = currentHookStartedId,
                Timestamp = environment.Now(),
            },
        });
}

/// <summary>A hook outside any scenario failed; the message names it.</summary>
internal sealed class HookFailedException(HookBinding hook, Exception inner)
    : Exception($"The {hook.Description} hook failed: {inner.Message}", inner)
{
    public HookBinding Hook { get; } = hook;
}
