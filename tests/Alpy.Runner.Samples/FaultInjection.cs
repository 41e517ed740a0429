namespace Alpy.Runner.Samples;

/// <summary>Failures switched on by environment variables, for the tests of failing setups, teardowns and crashes.</summary>
[Binding]
public sealed class FaultInjection
{
    [BeforeTestRun(Order = 0)]
    public static void Boot()
    {
        if (Environment.GetEnvironmentVariable("ALPY_SAMPLES_FAIL_BOOT") == "1")
        {
            throw new InvalidOperationException("the lab could not boot");
        }
    }

    [AfterTestRun]
    public static void Teardown()
    {
        if (Environment.GetEnvironmentVariable("ALPY_SAMPLES_FAIL_TEARDOWN") == "1")
        {
            throw new InvalidOperationException("the lab could not be torn down");
        }
    }

    [BeforeScenario("network")]
    public static void CrashMidRun()
    {
        if (Environment.GetEnvironmentVariable("ALPY_SAMPLES_CRASH") == "1")
        {
            Environment.FailFast("simulated crash of the test process");
        }
    }
}
