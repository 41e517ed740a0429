using Alpy.Specs.Steps.Evidence;
using Alpy.Specs.Steps.Labs;
using Alpy.Specs.Steps.Scenario;
using Reqnroll;

namespace Alpy.Specs.Steps.Bindings;

/// <summary>
/// The end of every scenario: servers stopped, evidence attached, the lab given back (or kept for investigation);
/// and the end of the run: every lab torn down (or kept up for a while, then torn down).
/// </summary>
[Binding]
public sealed class ScenarioHooks(ScenarioLab lab, ScenarioApps apps, ScenarioContext scenario, IReqnrollOutputHelper output, ScenarioTimeline timeline)
{
    /// <summary>Notes when the scenario starts, for messages that say when the lab broke.</summary>
    [BeforeScenario(Order = -100_000)]
    public void StartScenario() => timeline.ScenarioStarted();

    /// <summary>Notes when each step starts, for the same messages.</summary>
    [BeforeStep]
    public void StartStep()
    {
        if (scenario.StepContext is { } step)
            timeline.StepStarted($"{step.StepInfo.StepDefinitionType} {step.StepInfo.Text}");
    }

    [AfterScenario(Order = 100_000)]
    public async Task FinishScenarioAsync()
    {
        var failed = scenario.ScenarioExecutionStatus != ScenarioExecutionStatus.OK;
        await apps.StopServersAsync().ConfigureAwait(false);
        if (!lab.HasLab)
            return;
        var folder = ScenarioEvidence.Folder(lab.Lease, ScenarioLab.Title(scenario.ScenarioInfo));
        try
        {
            ScenarioEvidence.Attach(output, lab.Lease, folder, apps.Results, failed);
        }
        catch (Exception e) when (e is IOException or Alpy.Capture.CaptureException or UnauthorizedAccessException)
        {
            output.WriteLine($"The scenario's evidence could not be collected completely: {e.Message}");
        }
        finally
        {
            var kept = await lab.ReleaseAsync(failed).ConfigureAwait(false);
            if (kept is not null)
            {
                output.AddAttachment(ScenarioEvidence.WriteFile(folder, "kept-lab.txt", kept.Instructions));
                await Console.Error.WriteLineAsync(kept.Instructions).ConfigureAwait(false);
            }
        }
    }

    [AfterTestRun]
    public static Task FinishRunAsync(LabPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.FinishAsync(text => Console.Error.WriteLine(text));
    }
}
