using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Alpy.Capture;

/// <summary>
/// Assertions that wait on a growing capture: <c>await link.Should().ReceiveFrameAsync("tcp dst port 88", mark)</c>
/// passes as soon as the frame arrives; <c>NotReceiveFrameAsync</c> fails as soon as a forbidden frame arrives.
/// </summary>
public sealed class CaptureFileAssertions : ReferenceTypeAssertions<CaptureFile, CaptureFileAssertions>
{
    public CaptureFileAssertions(CaptureFile file)
        : base(file)
    {
    }

    protected override string Identifier => "capture file";

    /// <summary>Waits up to <paramref name="within"/> (default <see cref="CaptureFileOptions.DefaultTimeout"/>) for a frame matching the filter after the mark.</summary>
    public async Task<AndWhichConstraint<CaptureFileAssertions, Frame>> ReceiveFrameAsync(
        string filter, CaptureMark since, TimeSpan? within = null, string because = "", CancellationToken cancellationToken = default)
    {
        try
        {
            Frame frame = await Subject.WaitForFrameAsync(filter, since, within, cancellationToken).ConfigureAwait(false);
            return new AndWhichConstraint<CaptureFileAssertions, Frame>(this, [frame]);
        }
        catch (CaptureTimeoutException timeout)
        {
            Execute.Assertion
                .BecauseOf(because)
                .FailWith(FailureText.Escape($"Expected {Subject.Name} to receive a frame matching \"{filter}\"") + "{reason}" +
                          FailureText.Escape($", but none arrived. {timeout.Message}"));
            return new AndWhichConstraint<CaptureFileAssertions, Frame>(this, Array.Empty<Frame>());
        }
    }

    /// <summary>Watches the capture for <paramref name="during"/> and fails at once if a frame matching the filter arrives after the mark.</summary>
    public async Task<AndConstraint<CaptureFileAssertions>> NotReceiveFrameAsync(
        string filter, CaptureMark since, TimeSpan during, string because = "", CancellationToken cancellationToken = default)
    {
        Frame frame;
        try
        {
            frame = await Subject.WaitForFrameAsync(filter, since, during, cancellationToken).ConfigureAwait(false);
        }
        catch (CaptureTimeoutException)
        {
            return new AndConstraint<CaptureFileAssertions>(this);
        }

        CaptureWindow window = Subject.ReadSince(since);
        Execute.Assertion
            .BecauseOf(because)
            .FailWith(FailureText.Escape($"Expected {Subject.Name} to receive no frame matching \"{filter}\" within {during.TotalSeconds:0.###} s {since}") + "{reason}" +
                      FailureText.Escape($", but frame #{frame.Number} did.{FailureText.Contents(window)}"));
        return new AndConstraint<CaptureFileAssertions>(this);
    }
}
