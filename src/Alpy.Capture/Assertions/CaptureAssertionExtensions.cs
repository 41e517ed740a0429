namespace Alpy.Capture;

/// <summary>Entry points of the FluentAssertions extensions: <c>window.Should().ContainFrame("tcp dst port 88")</c>.</summary>
public static class CaptureAssertionExtensions
{
    public static CaptureWindowAssertions Should(this CaptureWindow window) => new(window);

    public static CaptureFileAssertions Should(this CaptureFile file) => new(file);
}
