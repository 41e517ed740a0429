namespace Alpy.Runner.Samples;

[Binding]
public sealed class Hooks(RunLog log, ScenarioContext scenario)
{
    [BeforeTestRun]
    public static void BeforeTestRun(IReqnrollOutputHelper output)
    {
        new RunLog().Write("before test run");
        output.WriteLine("lab booted");
    }

    [AfterTestRun]
    public static void AfterTestRun() => new RunLog().Write("after test run");

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => new RunLog().Write("before feature " + feature.FeatureInfo.Title);

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => new RunLog().Write("after feature " + feature.FeatureInfo.Title);

    [BeforeScenario(Order = 1)]
    public void BeforeScenario() => log.Write("before scenario " + scenario.ScenarioInfo.Title);

    [AfterScenario]
    public void AfterScenario() => log.Write($"after scenario {scenario.ScenarioInfo.Title}: {scenario.ScenarioExecutionStatus}");

    [BeforeScenario("network")]
    public void BeforeNetworkScenario() => log.Write("before network scenario " + scenario.ScenarioInfo.Title);
}
