namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class GlobalHooks
{
    [BeforeTestRun]
    public static void Before1()
    {
    }

    [BeforeTestRun]
    public static void Before2()
    {
    }

    [StepDefinition("a step passes")]
    public void Passes()
    {
    }

    [StepDefinition("a step fails")]
    public void Fails() => throw new InvalidOperationException("Exception in step");

    [AfterTestRun]
    public static void After1()
    {
    }

    [AfterTestRun]
    public static void After2()
    {
    }
}
