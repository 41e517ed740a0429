namespace Alpy.Runner.Execution;

/// <summary>Receives a scenario's output as it runs; the xUnit integration forwards it into the test result.</summary>
internal interface IScenarioObserver
{
    void WriteLine(string text);

    void Attach(string name, byte[] content, string mediaType);
}
