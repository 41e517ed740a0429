namespace Alpy.Specs.Steps.Scenario;

/// <summary>
/// The scenario's cancellation token, for the lab's waits (boots, apps, captures). Reqnroll passes no
/// <see cref="CancellationToken"/> to step methods (a step taking one is a binding error, "Parameter count mismatch"),
/// so steps take this scenario-scoped service instead. It is linked to xUnit's token for the running test, which xUnit
/// cancels when the run is cancelled (Ctrl-C, a test timeout), so a cancelled run still stops the lab's waits.
/// One per scenario (Reqnroll's context injection); disposed with the scenario.
/// </summary>
public sealed class ScenarioCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);

    /// <summary>Cancelled when the test run is cancelled.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose() => _source.Dispose();
}
