namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Undefined
{
    [StepDefinition("an implemented step")]
    public void Implemented()
    {
    }

    [StepDefinition("a step that will be skipped")]
    public void Skipped()
    {
    }
}

[Binding]
public sealed class UnknownParameterType
{
    [StepDefinition("{airport} is closed because of a strike")]
    public void Closed(string airport) => _ = airport;
}

[Binding]
public sealed class UnusedSteps
{
    [StepDefinition("a step that is used")]
    public void Used()
    {
    }

    [StepDefinition("a step that is not used")]
    public void NotUsed()
    {
    }
}
