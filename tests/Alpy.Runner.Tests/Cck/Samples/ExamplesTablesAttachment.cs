namespace Alpy.Runner.Tests.Cck.Samples;

[Binding]
public sealed class ExamplesTablesAttachment(IReqnrollOutputHelper output)
{
    [StepDefinition("a JPEG image is attached")]
    public void Jpeg() => output.AddAttachment(File.ReadAllBytes(CckAssert.SampleFile("examples-tables-attachment", "cucumber.jpeg")), "image/jpeg");

    [StepDefinition("a PNG image is attached")]
    public void Png() => output.AddAttachment(File.ReadAllBytes(CckAssert.SampleFile("examples-tables-attachment", "cucumber.png")), "image/png");
}
