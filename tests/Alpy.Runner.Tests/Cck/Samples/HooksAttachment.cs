namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class HooksAttachment(IReqnrollOutputHelper output)
{
    [BeforeScenario]
    public void Before() => AttachSvg();

    [StepDefinition("a step passes")]
    public void Passes()
    {
    }

    [AfterScenario]
    public void After() => AttachSvg();

    private void AttachSvg() => output.AddAttachment(File.ReadAllBytes(CckAssert.SampleFile("hooks-attachment", "cucumber.svg")), "image/svg+xml");
}
