namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class GlobalHooksAfterAllError
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

    [AfterTestRun]
    public static void After1()
    {
    }

    [AfterTestRun]
    public static void After2() => throw new InvalidOperationException("AfterAll hook went wrong");

    [AfterTestRun]
    public static void After3()
    {
    }
}
