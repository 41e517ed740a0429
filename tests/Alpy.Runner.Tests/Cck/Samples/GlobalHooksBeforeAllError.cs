namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class GlobalHooksBeforeAllError
{
    [BeforeTestRun]
    public static void Before1()
    {
    }

    [BeforeTestRun]
    public static void Before2() => throw new InvalidOperationException("BeforeAll hook went wrong");

    [BeforeTestRun]
    public static void Before3()
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
    public static void After2()
    {
    }
}
