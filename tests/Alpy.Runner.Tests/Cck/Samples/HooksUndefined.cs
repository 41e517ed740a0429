namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class HooksUndefined
{
    [BeforeScenario]
    public void Before()
    {
    }

    [AfterScenario]
    public void After()
    {
    }
}
