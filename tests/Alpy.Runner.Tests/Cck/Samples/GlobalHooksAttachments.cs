namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class GlobalHooksAttachments
{
    [BeforeTestRun]
    public static void Before(IReqnrollOutputHelper output) => output.AttachText("Attachment from BeforeAll hook", "text/plain");

    [StepDefinition("a step passes")]
    public void Passes()
    {
    }

    [AfterTestRun]
    public static void After(IReqnrollOutputHelper output) => output.AttachText("Attachment from AfterAll hook", "text/plain");
}
