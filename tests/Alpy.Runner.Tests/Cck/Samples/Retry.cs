namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class Retry
{
    // Attempts are separate scenario scopes, so the counts live for the whole run.
    private static int secondTime;
    private static int thirdTime;

    public static void Reset() => secondTime = thirdTime = 0;

    [StepDefinition("a step that always passes")]
    public void Passes()
    {
    }

    [StepDefinition("a step that passes the second time")]
    public void SecondTime()
    {
        if (++secondTime < 2)
        {
            throw new InvalidOperationException("Exception in step");
        }
    }

    [StepDefinition("a step that passes the third time")]
    public void ThirdTime()
    {
        if (++thirdTime < 3)
        {
            throw new InvalidOperationException("Exception in step");
        }
    }

    [StepDefinition("a step that always fails")]
    public void Fails() => throw new InvalidOperationException("Exception in step");
}
