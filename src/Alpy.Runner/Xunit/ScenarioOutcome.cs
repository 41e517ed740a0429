using Alpy.Runner.Configuration;
using Alpy.Runner.Execution;
using Alpy.Runner.Messages;

namespace Alpy.Runner.Xunit;

/// <summary>
/// Turns a scenario's result into the xUnit outcome: failed, ambiguous and undefined scenarios
/// fail with a message that names the step and its file:line (undefined ones with ready-to-paste
/// step definitions); pending ones are skipped (or fail with <c>missingOrPendingStepsOutcome: Error</c>);
/// skipped ones are skipped with the reason.
/// </summary>
internal static class ScenarioOutcome
{
    public static void Report(ScenarioResult result, RunnerConfiguration configuration, IReadOnlyList<Bindings.BindingError> bindingErrors)
    {
        var scenario = result.Scenario;
        switch (result.Status)
        {
            case TestStepResultStatus.Passed:
                return;
            case TestStepResultStatus.Failed:
                var failed = result.Outcomes.First(o => o.Status == TestStepResultStatus.Failed);
                throw new ScenarioFailedException(FailureMessages.Failed(scenario, failed), failed.Error);
            case TestStepResultStatus.Ambiguous:
                var ambiguous = result.Outcomes.First(o => o.Status == TestStepResultStatus.Ambiguous);
                throw new ScenarioFailedException(ambiguous.Error!.Message);
            case TestStepResultStatus.Undefined:
                var undefined = result.Outcomes.Where(o => o.Status == TestStepResultStatus.Undefined).ToArray();
                throw new ScenarioFailedException(FailureMessages.Undefined(scenario, undefined, configuration.SkeletonStyle, bindingErrors));
            case TestStepResultStatus.Pending:
                var pending = result.Outcomes.First(o => o.Status == TestStepResultStatus.Pending);
                var message = FailureMessages.Pending(scenario, pending);
                if (configuration.MissingOrPendingStepsOutcome == MissingOrPendingStepsOutcome.Error)
                {
                    throw new ScenarioFailedException(message, pending.Error);
                }

                throw Skip(message);
            default:
                if (result.DryRun)
                {
                    return; // a dry run skips every step on purpose; bound steps are a pass
                }

                throw Skip(FailureMessages.Skipped(scenario, result.Outcomes.FirstOrDefault(o => o.Status == TestStepResultStatus.Skipped && o.Error is not null) ?? result.Outcomes.First(o => o.Status == TestStepResultStatus.Skipped)));
        }
    }

    /// <summary>xUnit v3 reports a test as skipped when it throws with this marker (what Assert.Skip does).</summary>
    private static ScenarioSkippedException Skip(string reason) => new(global::Xunit.v3.DynamicSkipToken.Value + reason);
}

/// <summary>Carries a scenario's skip reason to xUnit.</summary>
internal sealed class ScenarioSkippedException(string message) : Exception(message);
